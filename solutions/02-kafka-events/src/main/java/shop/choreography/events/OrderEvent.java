package shop.choreography.events;

import java.time.Instant;
import java.util.List;

import shop.domain.Order;
import shop.domain.OrderLine;

/**
 * Everything that happens to an order, as facts in the past tense. Each event carries its id, the order id
 * (the record key, so one order's events stay in order on one partition), when it happened, and only the
 * data the next step needs. Event ids are derived from the order id and the event type, so a redelivered
 * or re-published event has the same id and consumers can tell it is a duplicate.
 */
public sealed interface OrderEvent {
    String eventId();

    String orderId();

    Instant at();

    /** The id every event of this type gets for this order. */
    static String idFor(String orderId, Class<? extends OrderEvent> type) {
        return orderId + "/" + type.getSimpleName();
    }

    /** An event that ends a step of a service: the order's timeline is made of these. */
    sealed interface StepEvent extends OrderEvent {
        String service();

        String step();

        Instant startedAt();

        /** "ok" or the failure reason, e.g. "card-declined". */
        default String outcome() {
            return "ok";
        }
    }

    /** An event that ends the order. */
    sealed interface FinalEvent extends OrderEvent {}

    // order service
    record OrderPlaced(String eventId, String orderId, Instant at, String customer, List<OrderLine> lines,
                       long totalCents) implements OrderEvent {
        public static OrderPlaced of(Order order, Instant at) {
            // TODO 1: the fact "this order was placed", made from the order: what the payment service needs to charge
            //   it, and what inventory and shipping will need after it (the record's fields say what). Its event id
            //   is the same every time this order's OrderPlaced is made, so a consumer can tell a duplicate (idFor).
            return new OrderPlaced(idFor(order.id(), OrderPlaced.class), order.id(), at, order.customer(),
                    order.lines(), order.totalCents());
            // end TODO 1
        }
    }

    record OrderCompleted(String eventId, String orderId, Instant at) implements FinalEvent {}

    record OrderRejected(String eventId, String orderId, Instant at, String reason, boolean compensated)
            implements FinalEvent {}

    // payment service
    record PaymentCharged(String eventId, String orderId, Instant at, Instant startedAt, String customer,
                          List<OrderLine> lines, long amountCents) implements StepEvent {
        public String service() { return "payment"; }
        public String step() { return "charge"; }
    }

    record PaymentDeclined(String eventId, String orderId, Instant at, Instant startedAt, String reason)
            implements StepEvent {
        public String service() { return "payment"; }
        public String step() { return "charge"; }
        public String outcome() { return reason; }
    }

    /** @param reason why the order is being undone, e.g. "out-of-stock" */
    record PaymentRefunded(String eventId, String orderId, Instant at, Instant startedAt, String reason)
            implements StepEvent {
        public String service() { return "payment"; }
        public String step() { return "refund"; }
    }

    // inventory service
    record StockReserved(String eventId, String orderId, Instant at, Instant startedAt, String customer)
            implements StepEvent {
        public String service() { return "inventory"; }
        public String step() { return "reserve"; }
    }

    record OutOfStock(String eventId, String orderId, Instant at, Instant startedAt, String reason)
            implements StepEvent {
        public String service() { return "inventory"; }
        public String step() { return "reserve"; }
        public String outcome() { return reason; }
    }

    /** @param reason why the order is being undone, e.g. "carrier-unavailable" */
    record StockReleased(String eventId, String orderId, Instant at, Instant startedAt, String reason)
            implements StepEvent {
        public String service() { return "inventory"; }
        public String step() { return "release"; }
    }

    // shipping service
    record ShipmentBooked(String eventId, String orderId, Instant at, Instant startedAt, String trackingId)
            implements StepEvent {
        public String service() { return "shipping"; }
        public String step() { return "book"; }
    }

    record ShipmentFailed(String eventId, String orderId, Instant at, Instant startedAt, String reason)
            implements StepEvent {
        public String service() { return "shipping"; }
        public String step() { return "book"; }
        public String outcome() { return reason; }
    }
}
