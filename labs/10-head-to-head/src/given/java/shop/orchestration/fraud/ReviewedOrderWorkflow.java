package shop.orchestration.fraud;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import shop.flow.FraudPolicy;
import shop.orchestration.control.OrderInput;
import shop.orchestration.workflow.OrderOutcome;

/**
 * The order workflow with lab 10's fraud check: charge, hold a big order for review, reserve, book.
 * A new workflow type (its name is this interface's, "ReviewedOrderWorkflow"), so lab 09's type is untouched.
 */
@WorkflowInterface
public interface ReviewedOrderWorkflow {
    /**
     * @param input  the same input as lab 08's workflow, so lab 09's flow reads the order back from the history
     *               (this workflow does not wait for the warehouse: it ignores {@code warehouseDeadline})
     * @param policy travels with the order into the history: a replay always sees the policy it started with
     */
    @WorkflowMethod
    OrderOutcome process(OrderInput input, FraudPolicy policy);

    /** A reviewer approves the held order; ignored unless the order is held right now. */
    @SignalMethod
    void approve();
}
