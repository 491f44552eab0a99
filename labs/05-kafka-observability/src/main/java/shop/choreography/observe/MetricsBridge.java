package shop.choreography.observe;

import java.time.Duration;
import java.util.function.Predicate;

import shop.choreography.events.OrderEvent.StepEvent;
import shop.choreography.handlers.OrderStory;
import shop.choreography.handlers.ProjectionListener;
import shop.domain.Order;
import shop.flow.OrderListener;
import shop.flow.OrderView;
import shop.lab.Todo;

/**
 * Tells the shop's {@link OrderListener} (lab 01's meters) what the events say, with impl="choreography": each
 * step's duration and outcome, and each order's end-to-end duration from "order placed" to its final event.
 */
public final class MetricsBridge implements ProjectionListener {
    private final OrderListener listener;
    private final Predicate<String> placedHere;

    /** @param placedHere which orders to report: those this process placed (older ones are already counted) */
    public MetricsBridge(OrderListener listener, Predicate<String> placedHere) {
        this.listener = listener;
        this.placedHere = placedHere;
    }

    @Override
    public void stepFinished(StepEvent step) {
        // TODO 5: for orders placed here, tell the listener: listener.stepFinished(OrderStory.IMPL, service, step
        //   name, the step's duration (from startedAt to at), outcome)
        throw new Todo(5, "report each step to the shop's meters");
        // end TODO 5
    }

    @Override
    public void finished(Order order, OrderView view) {
        // TODO 5: for orders placed here (order may be null), tell the listener the order is over: status,
        //   compensated, and the end-to-end duration from view.placedAt() to view.finishedAt()
        throw new Todo(5, "report each finished order to the shop's meters");
        // end TODO 5
    }
}
