package shop.choreography.fraud;

import java.time.Clock;

import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.failures.DeadLetters;
import shop.choreography.failures.ResilientServices;
import shop.choreography.handlers.HandlerLoop;
import shop.choreography.observe.ObservedLoops;
import shop.flow.FraudPolicy;
import shop.flow.ShopContext;

/** One service of the choreography with the fraud check, running as it would alone: its own consumer group and producer. */
public final class FraudServiceProcess implements AutoCloseable {
    private final EventPublisher publisher;
    private final FraudCheck fraudCheck;
    private final HandlerLoop loop;

    public FraudServiceProcess(String service, ShopContext context, EventTopics topics, FraudPolicy policy) {
        String bootstrap = context.kafkaBootstrapServers();
        Clock clock = Clock.systemUTC();
        this.publisher = new EventPublisher(bootstrap, topics);
        this.fraudCheck = service.equals(FraudServices.FRAUD)
                ? new FraudCheck(policy, publisher.producer(), topics.events(), clock, ReviewRecovery.read(bootstrap, topics.events()))
                : null;
        FraudServices.Subscriptions subscriptions = FraudServices.subscriptions(service, context.domain(), clock, fraudCheck);
        String group = topics.group(service);
        FraudAwareProcessor bothFamilies = new FraudAwareProcessor(
                ResilientServices.resilient(subscriptions.orderEvents(), publisher, topics, group), subscriptions.fraudEvents());
        // a fraud event that cannot be read is dead-lettered too, not retried forever
        this.loop = new HandlerLoop(bootstrap, group, topics.events(),
                new DeadLetters(bothFamilies, publisher.producer(), topics.deadLetters(), group),
                publisher, new ObservedLoops(context.registry()));
    }

    @Override
    public void close() {
        loop.close();
        if (fraudCheck != null) {
            fraudCheck.close();
        }
        publisher.close();
    }
}
