package shop.flow;

import java.time.Duration;

import shop.domain.Order;

/**
 * What a flow reports as orders move, so that metrics (lab 01) are written once for every flow.
 * Every flow calls these with its own {@code impl} name: "direct", "choreography" or "orchestration".
 */
public interface OrderListener {
    OrderListener NONE = new OrderListener() {};

    // tag::listener[]
    default void placed(String impl, Order order) {}

    /**
     * @param service the domain service that ran the step: "payment", "inventory", "shipping", "fraud"
     * @param outcome "ok" or a failure reason such as "card-declined" or "transient-error"
     */
    default void stepFinished(String impl, String service, String step, Duration duration, String outcome) {}

    /** @param endToEnd from placed to final state */
    default void finished(String impl, Order order, OrderStatus status, boolean compensated, Duration endToEnd) {}
    // end::listener[]

    /**
     * The order's run was ended from outside the shop (a terminated workflow), so none of its steps was undone.
     * Comes just before {@link #finished} (REJECTED, not compensated) for the same order.
     */
    default void terminated(String impl, Order order) {}
}
