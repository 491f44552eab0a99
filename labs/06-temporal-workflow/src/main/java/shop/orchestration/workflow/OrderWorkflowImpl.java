package shop.orchestration.workflow;

import java.time.Duration;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import shop.domain.Order;
import shop.lab.Todo;

/**
 * The happy path: charge, reserve, book, in that order. Workflow code must be deterministic (it is replayed
 * after a restart), so it only calls activities; the activities do the I/O.
 */
public final class OrderWorkflowImpl implements OrderWorkflow {
    private final OrderActivities activities = Workflow.newActivityStub(OrderActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

    @Override
    public OrderOutcome process(Order order) {
        // TODO 2: charge, reserve and book, in that order, then say the order completed. The workflow does no I/O
        //   itself: it is replayed from its history after a crash, and a replay must not charge again.
        throw new Todo(2, "call the three activities in OrderWorkflowImpl.process");
        // end TODO 2
    }
}
