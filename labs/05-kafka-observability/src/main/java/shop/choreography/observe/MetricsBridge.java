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
        // TODO 5: each step of an order placed here reaches the shop's meters (the listener: lab 01's OrderMetrics)
        //   as a choreography step, with the service that ran it, its outcome and how long it took: from the
        //   event's startedAt to its at.
        // end TODO 5
    }

    @Override
    public void finished(Order order, OrderView view) {
        // TODO 5: each order placed here that ends reaches the shop's meters: its status, whether it was compensated,
        //   and how long it took from placed to finished (the view has both). `order` is null for an order this
        //   process did not place.
        // end TODO 5
    }
}
