package shop.orchestration.control;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import shop.orchestration.workflow.OrderOutcome;

/** The order workflow that can be asked where it stands, cancelled, and told the warehouse has confirmed. */
@WorkflowInterface
public interface ControlledOrderWorkflow {
    @WorkflowMethod
    OrderOutcome process(OrderInput input);

    /** Answered from the workflow's state; changes nothing. */
    @QueryMethod
    OrderProgress progress();

    /** Cancels the order: what was done is undone, and the order is rejected with this reason. */
    @SignalMethod
    void cancel(String reason);

    @SignalMethod
    void warehouseConfirmed();
}
