package shop.orchestration.flow;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import shop.domain.Domain;
import shop.flow.OrderListener;
import shop.flow.Parallelism;
import shop.orchestration.control.ControlledOrderWorkflowImpl;
import shop.orchestration.observe.OrderIdOnSpans;
import shop.orchestration.observe.StepTimer;
import shop.orchestration.observe.TemporalTracing;
import shop.orchestration.workflow.DomainActivities;
import shop.orchestration.workflow.Steps;

/**
 * Runs the order workflows and activities: polls the "orders" task queue. Stop it in the middle of a batch and
 * start another one: the server hands the unfinished workflows to the new worker, which replays them and goes on.
 */
public final class OrchestrationWorker implements AutoCloseable {
    private final WorkerFactory factory;

    private OrchestrationWorker(WorkerFactory factory) {
        this.factory = factory;
    }

    public static OrchestrationWorker start(WorkflowClient client, Domain domain, OrderListener listener,
                                            OpenTelemetry openTelemetry) {
        return start(client, domain, listener, openTelemetry, Parallelism.DEFAULT);
    }

    /** @param parallelism its task slots: how many activities and workflow tasks this worker runs at once */
    public static OrchestrationWorker start(WorkflowClient client, Domain domain, OrderListener listener,
                                            OpenTelemetry openTelemetry, Parallelism parallelism) {
        return start(client, listener, openTelemetry, Steps.TASK_QUEUE, parallelism, worker -> {
            worker.registerWorkflowImplementationTypes(ControlledOrderWorkflowImpl.class);
            worker.registerActivitiesImplementations(new DomainActivities(domain));
        });
    }

    /**
     * A worker with this lab's step meters and tracing, polling another task queue (lab 10's).
     *
     * @param register registers what runs there: the workflow types and the activities
     */
    public static OrchestrationWorker start(WorkflowClient client, OrderListener listener, OpenTelemetry openTelemetry,
                                            String taskQueue, Consumer<Worker> register) {
        return start(client, listener, openTelemetry, taskQueue, Parallelism.DEFAULT, register);
    }

    public static OrchestrationWorker start(WorkflowClient client, OrderListener listener, OpenTelemetry openTelemetry,
                                            String taskQueue, Parallelism parallelism, Consumer<Worker> register) {
        WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new OrderIdOnSpans(), new StepTimer(listener), TemporalTracing.workerInterceptor(openTelemetry))
                .build());
        // No sticky queue: the embedded test server never hands a dead worker's sticky tasks to another worker,
        // so after a restart those workflows would wait forever. Without it each workflow task replays the
        // (short) history. Against a real Temporal server you may leave stickiness on.
        WorkerOptions.Builder options = WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO);
        if (parallelism.activitySlots() > 0) { // a slow activity holds its slot: with every slot held, the next waits
            options.setMaxConcurrentActivityExecutionSize(parallelism.activitySlots());
        }
        if (parallelism.workflowSlots() > 0) {
            options.setMaxConcurrentWorkflowTaskExecutionSize(parallelism.workflowSlots());
        }
        Worker worker = factory.newWorker(taskQueue, options.build());
        register.accept(worker);
        factory.start();
        return new OrchestrationWorker(factory);
    }

    /** Stops at once, like a killed process: running activities are abandoned and retried elsewhere. */
    @Override
    public void close() {
        factory.shutdownNow();
        factory.awaitTermination(10, TimeUnit.SECONDS);
    }
}
