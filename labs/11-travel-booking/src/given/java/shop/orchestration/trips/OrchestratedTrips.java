package shop.orchestration.trips;

import java.util.Optional;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkflowImplementationOptions;
import shop.travel.Travel;
import shop.travel.Trip;
import shop.travel.TripFlow;
import shop.travel.TripListener;
import shop.travel.TripTimelines;
import shop.travel.TripView;

/** Trips by orchestration: one {@link TripBookingWorkflow} per trip, its id the trip id, so a trip starts once. */
public final class OrchestratedTrips implements TripFlow {
    public static final String NAME = "orchestration";

    private final WorkflowClient client;
    private final TripTimelines timelines;
    private final boolean needsApproval;
    private final Runnable onClose;

    public OrchestratedTrips(WorkflowClient client, TripTimelines timelines, boolean needsApproval) {
        this(client, timelines, needsApproval, () -> {});
    }

    private OrchestratedTrips(WorkflowClient client, TripTimelines timelines, boolean needsApproval, Runnable onClose) {
        this.client = client;
        this.timelines = timelines;
        this.needsApproval = needsApproval;
        this.onClose = onClose;
    }

    /**
     * Trips without approval, booked by a worker of this process, started here: closing the flow stops the worker,
     * then runs {@code closeClient} (e.g. to close the client's connection).
     */
    public static OrchestratedTrips withWorker(WorkflowClient client, Travel travel, TripListener listener,
                                               Runnable closeClient) {
        TripTimelines timelines = new TripTimelines(NAME, listener);
        WorkerFactory workers = WorkerFactory.newInstance(client);
        register(workers.newWorker(TripBookingWorkflow.TASK_QUEUE), travel, timelines);
        workers.start();
        return new OrchestratedTrips(client, timelines, false, () -> {
            workers.shutdownNow();
            closeClient.run();
        });
    }

    /** Registers the workflow and the activities on a worker of {@link TripBookingWorkflow#TASK_QUEUE}. */
    public static void register(Worker worker, Travel travel, TripTimelines timelines) {
        register(worker, travel, timelines, WorkflowImplementationOptions.getDefaultInstance());
    }

    /** @param options e.g. which exceptions fail the workflow run instead of its task */
    public static void register(Worker worker, Travel travel, TripTimelines timelines, WorkflowImplementationOptions options) {
        worker.registerWorkflowImplementationTypes(options, TripBookingWorkflowImpl.class);
        worker.registerActivitiesImplementations(new TravelActivities(travel, timelines));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void book(Trip trip) {
        if (!timelines.start(trip.id())) {
            return;
        }
        TripBookingWorkflow workflow = client.newWorkflowStub(TripBookingWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TripBookingWorkflow.TASK_QUEUE).setWorkflowId(trip.id()).build());
        try {
            WorkflowClient.start(workflow::book, trip, needsApproval);
        } catch (WorkflowExecutionAlreadyStarted alreadyBooked) {
            return;
        }
        WorkflowStub.fromTyped(workflow).getResultAsync(TripOutcome.class)
                .thenAccept(outcome -> timelines.of(trip.id()).finish(outcome.status(), outcome.reason()));
    }

    @Override
    public Optional<TripView> find(String tripId) {
        return timelines.find(tripId);
    }

    @Override
    public void close() {
        onClose.run();
    }
}
