package shop.flow;

import java.util.Optional;

import shop.domain.Order;

/** One way of coordinating the order flow: direct calls, Kafka choreography, or Temporal orchestration. */
public interface OrderFlow extends AutoCloseable {
    /** The {@code impl} tag: "direct", "choreography" or "orchestration". */
    String name();

    /**
     * Starts the flow for this order and returns at once. Placing the same order id twice has no second effect.
     *
     * @throws OrderIdTaken if the id is used by something that is not this order; nothing is placed
     */
    void place(Order order);

    /** The order's status and timeline, or empty if this flow has never seen it. */
    Optional<OrderView> view(String orderId);

    @Override
    default void close() {}
}
