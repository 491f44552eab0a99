package shop.orchestration.workflow;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import shop.domain.Domain;

/** A worker polls one task queue and runs the workflows and activities registered on it. */
public final class OrderWorker {
    private OrderWorker() {}

    /** Registers the order workflow and the domain activities on a new worker for {@link Steps#TASK_QUEUE}. */
    public static Worker register(WorkerFactory factory, Domain domain) {
        // TODO 3: a worker on the task queue the starter uses (Steps), that runs this lab's workflow and activities.
        Worker worker = factory.newWorker(Steps.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        worker.registerActivitiesImplementations(new DomainActivities(domain));
        return worker;
        // end TODO 3
    }
}
