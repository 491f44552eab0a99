package shop.orchestration.fraud;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import shop.flow.ShopContext;
import shop.lab.Todo;
import shop.orchestration.flow.TemporalConnection;
import shop.orchestration.observe.StepTimer;
import shop.orchestration.observe.TemporalTracing;
import shop.orchestration.workflow.DomainActivities;

/**
 * The worker for orders with the fraud check: its own task queue, so it is deployed next to lab 09's worker
 * (which keeps polling "orders") instead of replacing it. Same activities, same step meters, same tracing.
 */
public final class ReviewWorker implements AutoCloseable {
    public static final String TASK_QUEUE = "orders-reviewed";

    private final WorkflowClient client;
    private final WorkerFactory factory;

    private ReviewWorker(WorkflowClient client, WorkerFactory factory) {
        this.client = client;
        this.factory = factory;
    }

    /** Connects to the context's Temporal server and starts polling. */
    public static ReviewWorker start(ShopContext context, OpenTelemetry openTelemetry) {
        WorkflowClient client = TemporalConnection.connect(context.temporalTarget(), context.registry(), openTelemetry);
        WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new StepTimer(context.listener()), TemporalTracing.workerInterceptor(openTelemetry))
                .build());
        // No sticky queue, as in lab 09: the embedded test server would not hand a dead worker's workflows on.
        Worker worker = factory.newWorker(TASK_QUEUE, WorkerOptions.newBuilder()
                .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
                .build());
        register(worker, context);
        factory.start();
        return new ReviewWorker(client, factory);
    }

    /** What runs on this task queue: the new workflow type, and lab 06's activities. */
    private static void register(Worker worker, ShopContext context) {
        // TODO 4: this worker polls TASK_QUEUE: register the workflow it runs there (ReviewedOrderWorkflowImpl.class)
        //   and the activities its workflows call (new DomainActivities(context.domain()), the same as lab 09's).
        throw new Todo(4, "register the workflow and the activities in ReviewWorker.register");
    }

    /** Stops at once, like a killed process: the server hands its unfinished work to the next worker. */
    @Override
    public void close() {
        factory.shutdownNow();
        factory.awaitTermination(10, TimeUnit.SECONDS);
        TemporalConnection.close(client);
    }
}
