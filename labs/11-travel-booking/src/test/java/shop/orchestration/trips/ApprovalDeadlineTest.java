package shop.orchestration.trips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.lab.Todo;
import shop.testkit.Labs;
import shop.testkit.TodoFailsTheRun;
import shop.travel.Travel;
import shop.travel.Trip;
import shop.travel.TripTimelines;

/**
 * The deadline: a trip that needs approval is held for 15 minutes. The test server skips time while the test waits
 * for a result, so 15 minutes of workflow time pass in well under a second of ours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalDeadlineTest {
    private final Travel travel = Travel.demo();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private Trip trip;
    private TripBookingWorkflow workflow;

    @BeforeAll
    void startTemporal() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(TripBookingWorkflow.TASK_QUEUE);
        OrchestratedTrips.register(worker, travel, new TripTimelines("orchestration"), TodoFailsTheRun.options());
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterAll
    void stopTemporal() {
        env.close();
    }

    @BeforeEach
    void startATripThatNeedsApproval() {
        Todo.forget();
        trip = new Trip("trip-" + UUID.randomUUID(), "ada", "AMS-LIS", "LIS-CENTRO", "LIS-COMPACT");
        workflow = client.newWorkflowStub(TripBookingWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TripBookingWorkflow.TASK_QUEUE).setWorkflowId(trip.id()).build());
        WorkflowClient.start(workflow::book, trip, true);
    }

    @Test
    void withoutApprovalTheTripIsHeldForTheWindowThenCancelled() {
        Labs.await("TODO 3: the car of a trip that needs approval to be booked").until(() -> travel.cars().holds(trip.id()));
        CompletableFuture<TripOutcome> result = WorkflowStub.fromTyped(workflow).getResultAsync(TripOutcome.class);
        env.sleep(TripBookingWorkflow.APPROVAL_WINDOW.minusMinutes(1));
        Todo.rethrowIfReached();
        assertThat(result).as("TODO 4: after 14 minutes without an answer the trip is still held").isNotDone();

        env.sleep(Duration.ofMinutes(2));

        assertThat(awaitOutcome()).as("TODO 4: no approval within the window").isEqualTo(TripOutcome.rejected("approval-timed-out"));
        assertThat(activitiesRun()).as("TODO 3/4: every booking undone, last first")
                .containsExactly("BookFlight", "BookHotel", "BookCar", "CancelCar", "CancelHotel", "CancelFlight");
        assertThat(travel.holdsAnything(trip.id())).as("the trip holds nothing").isFalse();
    }

    @Test
    void approvedInsideTheWindowTheTripIsConfirmed() {
        Labs.await("TODO 3: the car of a trip that needs approval to be booked").until(() -> travel.cars().holds(trip.id()));
        env.sleep(TripBookingWorkflow.APPROVAL_WINDOW.minusMinutes(1));
        workflow.approve();

        assertThat(awaitOutcome()).as("TODO 4: approved after 14 minutes").isEqualTo(TripOutcome.confirmed());
        assertThat(travel.holdsAnything(trip.id())).as("the trip holds its bookings").isTrue();
    }

    /** Going further (not part of the check): a "no" cancels the trip at once, without waiting for the window. */
    @Test
    @Tag("stretch")
    void stretch_aDeclinedTripIsCancelledAtOnce() {
        Labs.await("the car of the trip to be booked").until(() -> travel.cars().holds(trip.id()));
        workflow.decline("over budget");
        CompletableFuture<TripOutcome> result = WorkflowStub.fromTyped(workflow).getResultAsync(TripOutcome.class);
        env.sleep(Duration.ofMinutes(1));

        Labs.await("stretch: the trip to end within a minute (workflow time) of the no").atMost(Duration.ofSeconds(10))
                .until(result::isDone);
        assertThat(result.join()).as("stretch: rejected with the reason given").isEqualTo(TripOutcome.rejected("over budget"));
        assertThat(travel.holdsAnything(trip.id())).as("stretch: the trip holds nothing").isFalse();
    }

    private TripOutcome awaitOutcome() {
        CompletableFuture<TripOutcome> result = WorkflowStub.fromTyped(workflow).getResultAsync(TripOutcome.class);
        Labs.await("the trip's workflow to finish").until(result::isDone);
        return result.join();
    }

    private List<String> activitiesRun() {
        return client.fetchHistory(trip.id()).getEvents().stream().filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .map(event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName()).toList();
    }
}
