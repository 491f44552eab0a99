package shop.choreography.fraud;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import shop.choreography.events.EventTopics;
import shop.choreography.events.UndecodableEvent;
import shop.choreography.handlers.OrderProjection;
import shop.choreography.handlers.OrderStory;
import shop.choreography.handlers.OrderViews;
import shop.choreography.observe.MetricsBridge;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.OrderView;
import shop.flow.ShopContext;
import shop.flow.TimelineEntry;

/**
 * The order service's memory, now with the fraud events. Lab 03's projection follows the order events (and tells
 * lab 05's meters about them) and hands every other record to this class, on its thread and in the record's trace:
 * the fraud events, whose review step is told to the meters too, and added to the order's view.
 */
public final class ReviewedOrderProjection implements OrderViews {
    private final Map<String, ReviewedOrderStory> stories = new ConcurrentHashMap<>();
    private final OrderListener listener;
    private final Predicate<String> placedHere;
    private final OrderProjection orderEvents;

    /** @param placedHere which orders to report to the listener: those this process placed */
    public ReviewedOrderProjection(ShopContext context, EventTopics topics, Predicate<String> placedHere) {
        this.listener = context.listener();
        this.placedHere = placedHere;
        this.orderEvents = new OrderProjection(context.kafkaBootstrapServers(), topics.events(),
                new MetricsBridge(listener, placedHere), this::follow);
    }

    /** The view of lab 03, with the review. Read in this order: a fraud event is never behind the order events after it. */
    @Override
    public Optional<OrderView> view(String orderId) {
        Optional<OrderView> base = orderEvents.view(orderId);
        ReviewedOrderStory story = stories.get(orderId);
        return story == null ? base : base.map(story::view);
    }

    private void follow(ConsumerRecord<String, byte[]> record) {
        if (!FraudCodec.isFraudEvent(record.headers())) {
            return; // a poison order event: the services dead-letter it
        }
        FraudEvent event;
        try {
            event = FraudCodec.decode(record.headers(), record.value());
        } catch (UndecodableEvent poison) {
            return; // the services dead-letter it; a view has nothing to learn from it
        }
        ReviewedOrderStory story = stories.computeIfAbsent(event.orderId(), id -> new ReviewedOrderStory());
        if (story.add(event) && placedHere.test(event.orderId())) {
            TimelineEntry review = story.reviewEntry();
            if (review != null && review.finishedAt().equals(event.at())) {
                listener.stepFinished(OrderStory.IMPL, FraudPolicy.SERVICE, FraudPolicy.STEP, review.duration(),
                        review.outcome());
            }
        }
    }

    @Override
    public void close() {
        orderEvents.close();
    }
}
