package shop.orchestration.trips;

import java.util.Optional;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import shop.travel.Travel;
import shop.travel.Trip;
import shop.travel.TripFlow;
import shop.travel.TripTimelines;
import shop.travel.TripView;

/** Trips by orchestration: one {@link TripBookingWorkflow} per trip, its id the trip id, so a trip starts once. */
public final class OrchestratedTrips implements TripFlow {
    private final WorkflowClient client;
    private final TripTimelines timelines;
    private final boolean needsApproval;

    public OrchestratedTrips(WorkflowClient client, TripTimelines timelines, boolean needsApproval) {
        this.client = client;
        this.timelines = timelines;
        this.needsApproval = needsApproval;
    }

    /** Registers the workflow and the activities on a worker of {@link TripBookingWorkflow#TASK_QUEUE}. */
    public static void register(Worker worker, Travel travel, TripTimelines timelines) {
        worker.registerWorkflowImplementationTypes(TripBookingWorkflowImpl.class);
        worker.registerActivitiesImplementations(new TravelActivities(travel, timelines));
    }

    @Override
    public String name() {
        return "orchestration";
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
}
