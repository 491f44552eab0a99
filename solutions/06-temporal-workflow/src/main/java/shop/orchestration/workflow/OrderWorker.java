package shop.orchestration.workflow;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import shop.domain.Domain;

/** A worker polls one task queue and runs the workflows and activities registered on it. */
public final class OrderWorker {
    private OrderWorker() {}

    /** Registers the order workflow and the domain activities on a new worker for {@link Steps#TASK_QUEUE}. */
    public static Worker register(WorkerFactory factory, Domain domain) {
        // TODO 3: factory.newWorker(Steps.TASK_QUEUE), then on that worker
        //   registerWorkflowImplementationTypes(OrderWorkflowImpl.class) and
        //   registerActivitiesImplementations(new DomainActivities(domain)); return the worker.
        Worker worker = factory.newWorker(Steps.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        worker.registerActivitiesImplementations(new DomainActivities(domain));
        return worker;
        // end TODO 3
    }
}
