package shop.orchestration.fraud;

import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import shop.flow.ShopContext;
import shop.lab.Todo;
import shop.orchestration.flow.OrchestrationWorker;
import shop.orchestration.flow.TemporalConnection;
import shop.orchestration.workflow.DomainActivities;

/**
 * The worker for orders with the fraud check: lab 09's {@link OrchestrationWorker} (the same step meters, the same
 * tracing) on a task queue of its own, so it is deployed next to lab 09's worker (which keeps polling "orders")
 * instead of replacing it.
 */
public final class ReviewWorker implements AutoCloseable {
    public static final String TASK_QUEUE = "orders-reviewed";

    private final WorkflowClient client;
    private final OrchestrationWorker worker;

    private ReviewWorker(WorkflowClient client, OrchestrationWorker worker) {
        this.client = client;
        this.worker = worker;
    }

    /** Connects to the context's Temporal server and starts polling. */
    public static ReviewWorker start(ShopContext context, OpenTelemetry openTelemetry) {
        WorkflowClient client = TemporalConnection.connect(context.temporalTarget(), context.registry(), openTelemetry);
        return new ReviewWorker(client, OrchestrationWorker.start(client, context.listener(), openTelemetry, TASK_QUEUE,
                worker -> register(worker, context)));
    }

    /** What runs on this task queue: the new workflow type, and lab 06's activities. */
    private static void register(Worker worker, ShopContext context) {
        // TODO 4: this worker polls TASK_QUEUE: it must know the workflow it runs there and the activities its
        //   workflows call (the same as lab 09's).
        throw new Todo(4, "register the workflow and the activities in ReviewWorker.register");
        // end TODO 4
    }

    /** Stops at once, like a killed process: the server hands its unfinished work to the next worker. */
    @Override
    public void close() {
        worker.close();
        TemporalConnection.close(client);
    }
}
