package shop.orchestration.flow;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowResponse;
import io.temporal.client.WorkflowClient;
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
    static final Duration QUERY_PATIENCE = Duration.ofSeconds(5);
    /** The name Temporal gives {@link ControlledOrderWorkflow#progress()}: the method's. */
    private static final String PROGRESS_QUERY = "progress";

    private final WorkflowClient client;

    WorkflowControl(WorkflowClient client) {
        this.client = client;
    }

    /**
     * Asked over the service's own gRPC call, with a deadline: the typed stub would wait about a minute for a worker
     * that does not come, and an HTTP client should not.
     */
    @Override
    public Progress progress(String orderId) {
        QueryWorkflowResponse response;
        try {
            response = client.getWorkflowServiceStubs().blockingStub()
                    .withDeadlineAfter(QUERY_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                    .queryWorkflow(QueryWorkflowRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(orderId))
                            .setQuery(WorkflowQuery.newBuilder().setQueryType(PROGRESS_QUERY))
                            .build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                throw new Unanswered(orderId, e);
            }
            throw e;
        }
        OrderProgress progress = client.getOptions().getDataConverter().fromPayloads(0,
                Optional.of(response.getQueryResult()), OrderProgress.class, OrderProgress.class);
        return new Progress(progress.status(), progress.currentStep(), progress.reason());
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
}
