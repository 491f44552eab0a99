package shop.orchestration.trips;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import shop.lab.Todo;
import shop.orchestration.saga.ActivityPolicies;
import shop.orchestration.saga.Rejections;
import shop.travel.Trip;

/**
 * Flight, hotel, car; if a step fails, cancel what came before it, last first. Then, for a trip that needs approval,
 * hold everything until it is approved, for {@link #APPROVAL_WINDOW} at most: the deadline is a durable timer, kept by
 * Temporal in the workflow's history, so it survives a worker that dies in the meantime.
 */
public final class TripBookingWorkflowImpl implements TripBookingWorkflow {
    private final TripActivities steps = Workflow.newActivityStub(TripActivities.class, ActivityPolicies.STEPS);
    private final TripActivities undo = Workflow.newActivityStub(TripActivities.class, ActivityPolicies.COMPENSATIONS);
    private boolean approved;

    @Override
    public TripOutcome book(Trip trip, boolean needsApproval) {
        Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());
        // TODO 3: the flight, then the hotel, then the car (steps), each with its undo (the `undo` stub) registered on
        //   the saga BEFORE its step: a step that gave up may still have booked, and a cancel of nothing is harmless.
        //   A failed step (ActivityFailure) compensates and rejects the trip with the failure's reason (Rejections).
        try {
            saga.addCompensation(undo::cancelFlight, trip);
            steps.bookFlight(trip);
            saga.addCompensation(undo::cancelHotel, trip);
            steps.bookHotel(trip);
            saga.addCompensation(undo::cancelCar, trip);
            steps.bookCar(trip);
        } catch (ActivityFailure failure) {
            saga.compensate();
            return TripOutcome.rejected(Rejections.reasonOf(failure));
        }
        // end TODO 3
        // TODO 4: a trip that needs approval waits for approve() for APPROVAL_WINDOW at most (Workflow.await with a
        //   timeout: a durable timer). No approval in time: compensate and reject it as APPROVAL_TIMED_OUT.
        // tag::trip-deadline[]
        if (needsApproval && !Workflow.await(APPROVAL_WINDOW, () -> approved)) {
            saga.compensate();
            return TripOutcome.rejected(APPROVAL_TIMED_OUT);
        }
        // end::trip-deadline[]
        // end TODO 4
        return TripOutcome.confirmed();
    }

    @Override
    public void approve() {
        approved = true;
    }

    @Override
    public void decline(String why) {
        // Going further: a declined trip is cancelled at once, without waiting for the window to close.
    }
}
