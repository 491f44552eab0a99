package shop.orchestration.workflow;

import java.time.Duration;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import shop.domain.Order;

/**
 * The happy path: charge, reserve, book, in that order. Workflow code must be deterministic (it is replayed
 * after a restart), so it only calls activities; the activities do the I/O.
 */
public final class OrderWorkflowImpl implements OrderWorkflow {
    private final OrderActivities activities = Workflow.newActivityStub(OrderActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

    @Override
    public OrderOutcome process(Order order) {
        // TODO 2: call activities.charge, activities.reserve and activities.book with the order, in that order,
        //   then return OrderOutcome.completed(). (Each call looks local; Temporal schedules it on a worker.)
        activities.charge(order);
        activities.reserve(order);
        activities.book(order);
        return OrderOutcome.completed();
        // end TODO 2
    }
}
