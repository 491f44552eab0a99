package shop.choreography.fraud;

import java.time.Instant;
import java.util.List;

import shop.domain.OrderLine;

/**
 * The fraud check's facts. They travel on the same topic as the {@code OrderEvent}s of lab 02, keyed by order id,
 * so an order's whole story stays one ordered log. They are a family of their own because {@code OrderEvent} is
 * sealed: in a real shop this is the moment the shared event schema changes, and every service that reads it
 * must at least learn to skip types it does not know ({@link FraudAwareProcessor}).
 */
public sealed interface FraudEvent {
    String eventId();

    String orderId();

    Instant at();

    /** The id every event of this type gets for this order: a re-published event has the same id. */
    static String idFor(String orderId, Class<? extends FraudEvent> type) {
        return orderId + "/" + type.getSimpleName();
    }

    /** An order over the limit is held until {@code deadline}; it carries what inventory will need if approved. */
    record ReviewStarted(String eventId, String orderId, Instant at, Instant deadline, String customer,
                         List<OrderLine> lines) implements FraudEvent {}

    /** A reviewer approved the order (published by {@code approve(orderId)}). */
    record ReviewApproved(String eventId, String orderId, Instant at) implements FraudEvent {}

    /** The order may go on. {@code reviewed} is false for a small order, which was never held. */
    record FraudCleared(String eventId, String orderId, Instant at, Instant startedAt, boolean reviewed,
                        String customer, List<OrderLine> lines) implements FraudEvent {}

    /** Nobody approved the order in time: the payment must be given back. */
    record FraudRejected(String eventId, String orderId, Instant at, Instant startedAt, String reason)
            implements FraudEvent {}
}
