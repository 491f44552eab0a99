package shop.orchestration.workflow;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import shop.domain.Order;

/** One order from placed to final. Its workflow type is "OrderWorkflow"; its workflow id is the order id. */
@WorkflowInterface
public interface OrderWorkflow {
    @WorkflowMethod
    OrderOutcome process(Order order);
}
