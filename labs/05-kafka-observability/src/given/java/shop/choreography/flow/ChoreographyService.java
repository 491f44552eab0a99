package shop.choreography.flow;

import java.time.Clock;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.failures.ResilientServices;
import shop.choreography.handlers.HandlerLoop;
import shop.choreography.observe.ObservedLoops;
import shop.flow.ShopContext;

/** One service of the choreography running alone, e.g. in its own process ({@code run --service payment}). */
public final class ChoreographyService implements AutoCloseable {
    private final EventPublisher publisher;
    private final KafkaClientMetrics producerMetrics;
    private final HandlerLoop loop;

    public ChoreographyService(String service, ShopContext context, String topicPrefix) {
        EventTopics topics = new EventTopics(topicPrefix);
        TopicsAtStartup.create(topics, context.kafkaBootstrapServers());
        this.publisher = new EventPublisher(context.kafkaBootstrapServers(), topics);
        this.producerMetrics = new KafkaClientMetrics(publisher.producer());
        producerMetrics.bindTo(context.registry());
        this.loop = ResilientServices.start(service, context.domain(), Clock.systemUTC(), context.kafkaBootstrapServers(),
                topics, publisher, new ObservedLoops(context.registry()));
    }

    @Override
    public void close() {
        loop.close();
        producerMetrics.close();
        publisher.close();
    }
}
