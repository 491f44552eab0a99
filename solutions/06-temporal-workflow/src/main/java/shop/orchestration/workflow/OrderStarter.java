package shop.orchestration.workflow;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import shop.domain.Order;

/** Starts one workflow per order: the workflow id is the order id, so Temporal itself refuses a duplicate. */
public final class OrderStarter {
    private OrderStarter() {}

    public static WorkflowOptions optionsFor(String orderId) {
        // TODO 4: WorkflowOptions.newBuilder() with the order id as workflow id, Steps.TASK_QUEUE as task queue,
        //   and WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE (not even after the first finished)
        return WorkflowOptions.newBuilder()
                .setWorkflowId(orderId)
                .setTaskQueue(Steps.TASK_QUEUE)
                // not even after the first one has finished
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build();
        // end TODO 4
    }

    /** @return true if this call started the workflow, false if the order was already placed */
    public static boolean start(WorkflowClient client, Order order) {
        // TODO 4: client.newWorkflowStub(OrderWorkflow.class, optionsFor(order.id())), then
        //   WorkflowClient.start(workflow::process, order); return true.
        //   A second start with the same id throws WorkflowExecutionAlreadyStarted: catch it, return false.
        OrderWorkflow workflow = client.newWorkflowStub(OrderWorkflow.class, optionsFor(order.id()));
        try {
            WorkflowClient.start(workflow::process, order);
            return true;
        } catch (WorkflowExecutionAlreadyStarted duplicate) {
            return false;
        }
        // end TODO 4
    }
}
