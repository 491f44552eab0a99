package shop.orchestration.trips;

import java.time.Duration;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import shop.travel.Trip;

/**
 * One trip from requested to CONFIRMED or REJECTED; its workflow id is the trip id. A trip that needs approval is
 * held, everything booked, until someone approves it: for {@link #APPROVAL_WINDOW} at most.
 */
@WorkflowInterface
public interface TripBookingWorkflow {
    String TASK_QUEUE = "trips";
    Duration APPROVAL_WINDOW = Duration.ofMinutes(15);
    String APPROVAL_TIMED_OUT = "approval-timed-out";

    @WorkflowMethod
    TripOutcome book(Trip trip, boolean needsApproval);

    /** The traveller's manager says yes. */
    @SignalMethod
    void approve();

    /** The traveller's manager says no (Going further: the README's stretch goal). */
    @SignalMethod
    void decline(String why);
}
