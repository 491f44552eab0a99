package shop.choreography.fraud;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import shop.choreography.events.OrderEvent;
import shop.choreography.failures.RetryWithBackoff;
import shop.choreography.handlers.RecordProcessor;

/**
 * One service's input now that the topic holds two families of events. Order events go to the service's processor
 * of lab 04 (duplicates skipped, retries, dead letters); fraud events go to its {@link FraudReaction}, with the same
 * patient retries. Without this, lab 04's processor would dead-letter every fraud event as an unknown type: adding
 * an event type to a shared topic touches every service that reads it, even those that do not care.
 */
public final class FraudAwareProcessor implements RecordProcessor {
    private final RecordProcessor orderEvents;
    private final FraudReaction fraudEvents;

    public FraudAwareProcessor(RecordProcessor orderEvents, FraudReaction fraudEvents) {
        this.orderEvents = orderEvents;
        this.fraudEvents = fraudEvents;
    }

    @Override
    public List<OrderEvent> process(ConsumerRecord<String, byte[]> record) {
        if (!FraudCodec.isFraudEvent(record.headers())) {
            return orderEvents.process(record);
        }
        // no duplicate memory here: the answers use stable idempotency keys, so doing one twice is harmless
        FraudEvent event = FraudCodec.decode(record.headers(), record.value());
        return RetryWithBackoff.PATIENT.call(() -> fraudEvents.react(event));
    }
}
