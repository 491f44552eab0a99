package shop.choreography.handlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.FinalEvent;
import shop.choreography.events.OrderEvent.OrderCompleted;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.OrderRejected;
import shop.choreography.events.OrderEvent.StepEvent;
import shop.domain.Order;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.TimelineEntry;

/**
 * One order's events, in the order they were published, and what they say about the order: its status, the step
 * it waits for, and its timeline (one entry per step event: service, step, start, end, outcome). Thread-safe.
 */
public final class OrderStory {
    public static final String IMPL = "choreography";

    private final String orderId;
    private final Map<String, OrderEvent> eventsById = new LinkedHashMap<>();

    public OrderStory(String orderId) {
        this.orderId = orderId;
    }

    /** @return false if this event was already in the story (a duplicate) */
    public synchronized boolean add(OrderEvent event) {
        return eventsById.putIfAbsent(event.eventId(), event) == null;
    }

    public synchronized List<OrderEvent> events() {
        return List.copyOf(eventsById.values());
    }

    /** The order as placed, or null if its "order placed" event was not seen. */
    public synchronized Order order() {
        for (OrderEvent event : eventsById.values()) {
            if (event instanceof OrderPlaced placed) {
                return new Order(placed.orderId(), placed.customer(), placed.lines());
            }
        }
        return null;
    }

    public synchronized OrderView view() {
        Instant placedAt = null;
        long totalCents = 0;
        OrderStatus status = OrderStatus.PENDING;
        String reason = null;
        boolean compensated = false;
        Instant finishedAt = null;
        String currentStep = null;
        List<TimelineEntry> timeline = new ArrayList<>();
        for (OrderEvent event : eventsById.values()) {
            if (event instanceof OrderPlaced placed) {
                placedAt = placed.at();
                totalCents = placed.totalCents();
            }
            if (event instanceof StepEvent step) {
                timeline.add(new TimelineEntry(step.service(), step.step(), step.startedAt(), step.at(), step.outcome()));
                compensated |= step.step().equals("refund") || step.step().equals("release");
            }
            if (event instanceof OrderCompleted completed) {
                status = OrderStatus.COMPLETED;
                finishedAt = completed.at();
            }
            if (event instanceof OrderRejected rejected) {
                status = OrderStatus.REJECTED;
                reason = rejected.reason();
                compensated |= rejected.compensated();
                finishedAt = rejected.at();
            }
            currentStep = next(event);
        }
        return new OrderView(orderId, IMPL, status, status.isFinal() ? null : currentStep, reason, compensated,
                totalCents, placedAt, finishedAt, timeline);
    }

    public synchronized boolean isFinal() {
        return eventsById.values().stream().anyMatch(event -> event instanceof FinalEvent);
    }

    /** What the order waits for after this event. */
    private static String next(OrderEvent event) {
        return switch (event.getClass().getSimpleName()) {
            case "OrderPlaced" -> "charge";
            case "PaymentCharged" -> "reserve";
            case "StockReserved" -> "book";
            case "OutOfStock", "StockReleased" -> "refund";
            case "ShipmentFailed" -> "release";
            default -> "decide";
        };
    }
}
