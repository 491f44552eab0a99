package shop.choreography.fraud;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import shop.choreography.events.OrderEvent;
import shop.choreography.failures.DeadLetters;
import shop.choreography.failures.ResilientServices;
import shop.choreography.failures.RetryWithBackoff;
import shop.choreography.flow.ChoreographyService;
import shop.choreography.handlers.RecordProcessor;
import shop.flow.FraudPolicy;

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

    /**
     * How each of the five services reacts (lab 05's {@link ChoreographyService} runs them): its subscriptions
     * ({@link FraudServices}) behind this processor. The fraud service also gets its {@link FraudCheck}, rebuilt from
     * the log ({@link ReviewRecovery}) before it reads anything, and stopped with the service.
     */
    public static ChoreographyService.Reactions reactions(FraudPolicy policy) {
        return (service, context, topics, publisher) -> {
            Clock clock = Clock.systemUTC();
            FraudCheck fraudCheck = service.equals(FraudServices.FRAUD)
                    ? new FraudCheck(policy, publisher.producer(), topics.events(), clock,
                            ReviewRecovery.read(context.kafkaBootstrapServers(), topics.events()))
                    : null;
            FraudServices.Subscriptions subscriptions = FraudServices.subscriptions(service, context.domain(), clock, fraudCheck);
            String group = topics.group(service);
            RecordProcessor bothFamilies = new FraudAwareProcessor(
                    ResilientServices.resilient(subscriptions.orderEvents(), publisher, topics, group), subscriptions.fraudEvents());
            // a fraud event that cannot be read is dead-lettered too, not retried forever
            return new ChoreographyService.Reacting(new DeadLetters(bothFamilies, publisher.producer(), topics.deadLetters(), group),
                    fraudCheck != null ? fraudCheck : () -> {});
        };
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
