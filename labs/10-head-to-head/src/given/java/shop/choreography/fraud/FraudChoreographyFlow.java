package shop.choreography.fraud;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import shop.choreography.events.EventTopics;
import shop.choreography.flow.ChoreographyFlow;
import shop.choreography.fraud.FraudEvent.ReviewApproved;
import shop.domain.Order;
import shop.flow.FraudPolicy;
import shop.flow.OrderView;
import shop.flow.ReviewableFlow;
import shop.flow.ShopContext;

/**
 * The choreography of lab 05 with the fraud check: lab 05's {@link ChoreographyFlow} (its topics, producer and its
 * metrics, consumer lag, trace context, restarts), made of other parts: one more service on the same topic, the
 * inventory service listening to "fraud cleared" instead of "payment charged", and a projection that knows the fraud
 * events. {@link #approve} is the reviewer's button: it publishes "review approved", and the fraud service reacts to
 * it like to any other event.
 */
public final class FraudChoreographyFlow implements ReviewableFlow {
    private final ChoreographyFlow flow;
    private final Clock clock = Clock.systemUTC();

    /** @param topicPrefix keeps this flow's topics and consumer groups apart from other flows on the same broker */
    public FraudChoreographyFlow(ShopContext context, String topicPrefix, FraudPolicy policy) {
        ChoreographyFlow.Parts withFraudCheck = new ChoreographyFlow.Parts(FraudServices.SERVICES,
                FraudAwareProcessor.reactions(policy), ReviewedOrderProjection::new);
        this.flow = new ChoreographyFlow(context, topicPrefix, Set.copyOf(FraudServices.SERVICES), withFraudCheck);
    }

    @Override
    public String name() {
        return flow.name();
    }

    /** Returns once the broker has stored "order placed". */
    @Override
    public void place(Order order) {
        flow.place(order);
    }

    @Override
    public void approve(String orderId) {
        FraudCodec.publish(flow.publisher().producer(), flow.topics().events(),
                new ReviewApproved(FraudEvent.idFor(orderId, ReviewApproved.class), orderId, clock.instant()));
    }

    @Override
    public Optional<OrderView> view(String orderId) {
        return flow.view(orderId);
    }

    public EventTopics topics() {
        return flow.topics();
    }

    /** Stops every service, wherever it is in its work, and starts it again: the fraud service rebuilds its holds. */
    public void restartServices() {
        flow.restartServices();
    }

    @Override
    public void close() {
        flow.close();
    }
}
