package shop.choreography.flow;

import java.time.Clock;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.failures.AnsweredBeforeCrash;
import shop.choreography.failures.ResilientServices;
import shop.choreography.handlers.Handler;
import shop.choreography.handlers.HandlerLoop;
import shop.choreography.handlers.RecordProcessor;
import shop.choreography.observe.ObservedLoops;
import shop.flow.ShopContext;
import shop.observe.KafkaMetersRefreshedOften;

/** One service of the choreography running alone, e.g. in its own process ({@code run --service payment}). */
public final class ChoreographyService implements AutoCloseable {
    /**
     * What a service does with the records it reads, built once the service has its own producer (for its answers
     * and its dead letters). This lab's services run lab 04's handlers ({@link #LAB_04}); lab 10 passes its own.
     */
    @FunctionalInterface
    public interface Reactions {
        Reacting start(String service, ShopContext context, EventTopics topics, EventPublisher publisher);
    }

    /** @param stopWith closed with the service, after its loop (lab 10's fraud service: its review timers) */
    public record Reacting(RecordProcessor processor, AutoCloseable stopWith) {}

    /**
     * Lab 04's handler of the service: duplicates skipped, transient failures retried, poison and forged prices
     * dead-lettered, and after a crash the records it had answered but not committed skipped.
     */
    public static final Reactions LAB_04 = (service, context, topics, publisher) -> {
        Handler handler = ResilientServices.handlers(context.domain(), Clock.systemUTC()).get(service);
        if (handler == null) {
            throw new IllegalArgumentException("no service \"" + service + "\"; there are " + ChoreographyFlow.SERVICES);
        }
        String group = topics.group(service);
        RecordProcessor processor = AnsweredBeforeCrash.recover(
                ResilientServices.resilient(handler, context.domain().catalog(), publisher, topics, group),
                context.kafkaBootstrapServers(), topics.events(), group);
        return new Reacting(processor, () -> {});
    };

    private final EventPublisher publisher;
    private final KafkaClientMetrics producerMetrics;
    private final Reacting reacting;
    private final HandlerLoop loop;

    public ChoreographyService(String service, ShopContext context, String topicPrefix) {
        this(service, context, topicPrefix, LAB_04);
    }

    public ChoreographyService(String service, ShopContext context, String topicPrefix, Reactions reactions) {
        EventTopics topics = new EventTopics(topicPrefix);
        TopicsAtStartup.create(topics, context.kafkaBootstrapServers());
        this.publisher = new EventPublisher(context.kafkaBootstrapServers(), topics);
        this.producerMetrics = KafkaMetersRefreshedOften.of(publisher.producer());
        producerMetrics.bindTo(context.registry());
        try {
            this.reacting = reactions.start(service, context, topics, publisher);
        } catch (RuntimeException e) {
            producerMetrics.close();
            publisher.close();
            throw e;
        }
        this.loop = new HandlerLoop(context.kafkaBootstrapServers(), topics.group(service), topics.events(),
                reacting.processor(), publisher,
                AnsweredBeforeCrash.marking(new ObservedLoops(context.registry()), topics.group(service)));
    }

    @Override
    public void close() {
        loop.close();
        try {
            reacting.stopWith().close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + loop.group() + ": " + e.getMessage(), e);
        }
        producerMetrics.close();
        publisher.close();
    }
}
