package shop.orchestration.flow;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import shop.domain.Domain;
import shop.flow.OrderListener;
import shop.orchestration.control.ControlledOrderWorkflowImpl;
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
        WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new StepTimer(listener), TemporalTracing.workerInterceptor(openTelemetry))
                .build());
        // No sticky queue: the embedded test server never hands a dead worker's sticky tasks to another worker,
        // so after a restart those workflows would wait forever. Without it each workflow task replays the
        // (short) history. Against a real Temporal server you may leave stickiness on.
        Worker worker = factory.newWorker(Steps.TASK_QUEUE, WorkerOptions.newBuilder()
                .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
                .build());
        worker.registerWorkflowImplementationTypes(ControlledOrderWorkflowImpl.class);
        worker.registerActivitiesImplementations(new DomainActivities(domain));
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
