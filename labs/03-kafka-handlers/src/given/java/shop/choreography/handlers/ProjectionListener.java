package shop.choreography.handlers;

import shop.choreography.events.OrderEvent.StepEvent;
import shop.domain.Order;
import shop.flow.OrderView;

/** Told once per new event as the order service follows the events (lab 05 turns these into meters). */
public interface ProjectionListener {
    ProjectionListener NONE = new ProjectionListener() {};

    default void stepFinished(StepEvent step) {}

    /** @param order the order as placed, or null if its "order placed" event was not seen */
    default void finished(Order order, OrderView view) {}
}
