package shop.choreography.handlers;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import shop.choreography.events.EventCodec;
import shop.choreography.events.OrderEvent;

/** Turns one consumed record into the events to publish. Wrappers add retries, deduplication, dead letters. */
@FunctionalInterface
public interface RecordProcessor {
    List<OrderEvent> process(ConsumerRecord<String, byte[]> record);

    /** Decodes the record and hands the event to the handler. */
    static RecordProcessor decoding(Handler handler) {
        return record -> handler.react(EventCodec.decode(EventCodec.typeOf(record.headers()), record.value()));
    }
}
