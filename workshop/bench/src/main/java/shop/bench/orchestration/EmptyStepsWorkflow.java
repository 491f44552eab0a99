package shop.bench.orchestration;

import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import shop.domain.Order;
import shop.orchestration.control.OrderInput;
import shop.orchestration.saga.ActivityPolicies;
import shop.orchestration.workflow.OrderActivities;
import shop.orchestration.workflow.OrderOutcome;

/**
 * The order workflow's shape with nothing inside: the same input and outcome, the same three activities in the
 * same order with the same activity options, run by {@link EmptyActivities}. No saga, no query state, no signals.
 */
@WorkflowInterface
public interface EmptyStepsWorkflow {
    String TASK_QUEUE = "bench-same-shape";

    @WorkflowMethod
    OrderOutcome process(OrderInput input);

    final class Impl implements EmptyStepsWorkflow {
        private final OrderActivities steps = Workflow.newActivityStub(OrderActivities.class, ActivityPolicies.STEPS);

        @Override
        public OrderOutcome process(OrderInput input) {
            steps.charge(input.order());
            steps.reserve(input.order());
            steps.book(input.order());
            return OrderOutcome.completed();
        }
    }

    /** The order's activities with empty bodies. */
    final class EmptyActivities implements OrderActivities {
        @Override
        public String charge(Order order) {
            return "payment-" + order.id();
        }

        @Override
        public void reserve(Order order) {}

        @Override
        public String book(Order order) {
            return "track-" + order.id();
        }

        @Override
        public void refund(String orderId) {}

        @Override
        public void release(String orderId) {}

        @Override
        public void cancel(String orderId) {}
    }
}
