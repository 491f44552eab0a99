package shop.choreography.flow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.failures.AnsweredBeforeCrash;
import shop.choreography.failures.ResilientServices;
import shop.choreography.handlers.Handler;
import shop.choreography.handlers.HandlerLoop;
import shop.choreography.handlers.LoopHooks;
import shop.choreography.handlers.RecordProcessor;
import shop.choreography.observe.ObservedLoops;
import shop.flow.ShopContext;
import shop.infra.KafkaTopics;
import shop.observe.KafkaMetersRefreshedOften;

/**
 * One service of the choreography running alone, e.g. in its own process ({@code run --service payment}), with
 * {@code --consumers} consumers in its group: Kafka gives each consumer of a group its own partitions, so more
 * consumers than partitions leaves the extra ones idle.
 */
public final class ChoreographyService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChoreographyService.class);

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
    private final List<HandlerLoop> loops = new ArrayList<>();

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
        int consumers = context.parallelism().consumersPerGroup();
        warnIfIdle(topics, consumers, context.kafkaBootstrapServers());
        LoopHooks hooks = AnsweredBeforeCrash.marking(new ObservedLoops(context.registry()), topics.group(service));
        for (int i = 0; i < consumers; i++) { // one processor for all: its duplicate memory is thread-safe
            loops.add(new HandlerLoop(context.kafkaBootstrapServers(), topics.group(service), topics.events(),
                    reacting.processor(), publisher, hooks));
        }
    }

    private static void warnIfIdle(EventTopics topics, int consumers, String bootstrapServers) {
        if (consumers > 1) {
            int partitions = KafkaTopics.partitions(bootstrapServers, topics.events());
            if (consumers > partitions) {
                log.warn("{} consumers per group but {} has {} partitions: {} consumers of each group stay idle",
                        consumers, topics.events(), partitions, consumers - partitions);
            }
        }
    }

    @Override
    public void close() {
        loops.forEach(HandlerLoop::close);
        try {
            reacting.stopWith().close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + loops.get(0).group() + ": " + e.getMessage(), e);
        }
        producerMetrics.close();
        publisher.close();
    }
}
