package shop.orchestration.flow;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import shop.flow.OrderControl;
import shop.orchestration.control.ControlledOrderWorkflow;
import shop.orchestration.control.OrderProgress;

/**
 * Lab 08's query and signal, sent to the order's workflow from outside, as the shop's HTTP API does for
 * {@link OrderControl}. The query runs in a worker (no worker, no answer); the signal is stored by the server and
 * waits there for a worker if none runs.
 */
final class WorkflowControl implements OrderControl {
    private final WorkflowClient client;

    WorkflowControl(WorkflowClient client) {
        this.client = client;
    }

    @Override
    public Progress progress(String orderId) {
        try {
            OrderProgress progress = workflow(orderId).progress();
            return new Progress(progress.status(), progress.currentStep(), progress.reason());
        } catch (WorkflowException e) {
            if (deadlineExceeded(e)) {
                throw new Unanswered(orderId, e);
            }
            throw e;
        }
    }

    @Override
    public void cancel(String orderId, String reason) {
        try {
            workflow(orderId).cancel(reason);
        } catch (WorkflowNotFoundException ended) { // the server's answer to a signal for a closed run
            throw new Finished(orderId);
        }
    }

    private ControlledOrderWorkflow workflow(String orderId) {
        return client.newWorkflowStub(ControlledOrderWorkflow.class, orderId);
    }

    private static boolean deadlineExceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc && grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                return true;
            }
        }
        return false;
    }
}
