package shop.choreography.fraud;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.flow.ChoreographyFlow;
import shop.domain.Order;
import shop.flow.FraudPolicy;
import shop.flow.OrderView;
import shop.flow.ReviewableFlow;
import shop.flow.ShopContext;
import shop.choreography.fraud.FraudEvent.ReviewApproved;

/**
 * The choreography of lab 05 with the fraud check: one more service on the same topic, and the inventory service
 * listening to "fraud cleared" instead of "payment charged". {@link #approve} is the reviewer's button: it
 * publishes "review approved", and the fraud service reacts to it like to any other event.
 */
public final class FraudChoreographyFlow implements ReviewableFlow {
    private final ShopContext context;
    private final EventTopics topics;
    private final FraudPolicy policy;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> placed = ConcurrentHashMap.newKeySet();
    private final EventPublisher publisher;
    private final ReviewedOrderProjection projection;
    private final Map<String, FraudServiceProcess> services = new LinkedHashMap<>();

    /** @param topicPrefix keeps this flow's topics and consumer groups apart from other flows on the same broker */
    public FraudChoreographyFlow(ShopContext context, String topicPrefix, FraudPolicy policy) {
        this.context = context;
        this.topics = new EventTopics(topicPrefix);
        this.policy = policy;
        topics.create(context.kafkaBootstrapServers());
        this.publisher = new EventPublisher(context.kafkaBootstrapServers(), topics);
        this.projection = new ReviewedOrderProjection(context.kafkaBootstrapServers(), topics.events(), context.listener(),
                placed::contains);
        try {
            startServices();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String name() {
        return ChoreographyFlow.NAME;
    }

    /** Returns once the broker has stored "order placed". */
    @Override
    public void place(Order order) {
        if (!placed.add(order.id())) {
            return;
        }
        context.listener().placed(name(), order);
        try {
            publisher.publish(OrderPlaced.of(order, clock.instant())).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while placing " + order.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            placed.remove(order.id());
            throw new IllegalStateException("could not publish \"order placed\" for " + order.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void approve(String orderId) {
        FraudCodec.publish(publisher.producer(), topics.events(),
                new ReviewApproved(FraudEvent.idFor(orderId, ReviewApproved.class), orderId, clock.instant()));
    }

    @Override
    public Optional<OrderView> view(String orderId) {
        return projection.view(orderId);
    }

    public EventTopics topics() {
        return topics;
    }

    /** Stops every service, wherever it is in its work, and starts it again: the fraud service rebuilds its holds. */
    public synchronized void restartServices() {
        stopServices();
        startServices();
    }

    private synchronized void startServices() {
        for (String service : FraudServices.SERVICES) {
            services.put(service, new FraudServiceProcess(service, context, topics, policy));
        }
    }

    private synchronized void stopServices() {
        List<FraudServiceProcess> running = new ArrayList<>(services.values());
        services.clear();
        running.forEach(FraudServiceProcess::close);
    }

    @Override
    public void close() {
        stopServices();
        projection.close();
        publisher.close();
    }
}
