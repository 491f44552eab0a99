package shop.choreography.handlers;

import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where observability plugs into a handler loop (lab 05); the defaults do nothing. */
public interface LoopHooks {
    LoopHooks NONE = new LoopHooks() {};

    /** Called once with the loop's consumer, e.g. to bind its client metrics. */
    default void consumerCreated(Consumer<?, ?> consumer) {}

    /** Called once just before the loop closes its consumer. */
    default void consumerClosing(Consumer<?, ?> consumer) {}

    /** What {@link #handling} returns: closed once the record is handled. */
    interface Handling extends AutoCloseable {
        @Override
        void close();
    }

    /** Called before a record is handled, e.g. to start its span; the result is closed when it is handled. */
    default Handling handling(ConsumerRecord<String, byte[]> input) {
        return () -> {};
    }

    /** Headers to add to every event published in answer to this record, e.g. the trace context. */
    default Map<String, String> headersFor(ConsumerRecord<String, byte[]> input) {
        return Map.of();
    }
}
