package shop.orchestration.trips;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterAll;
import shop.testkit.TodoFailsTheRun;
import shop.testkit.TripFlowScenarios;
import shop.travel.Travel;
import shop.travel.TripFlow;
import shop.travel.TripTimelines;

/** The trip scenarios, booked by TripBookingWorkflowImpl on the Temporal test server. */
class OrchestratedTripsTest extends TripFlowScenarios {
    private TestWorkflowEnvironment env;

    @Override
    protected TripFlow startFlow(Travel travel) {
        TripTimelines timelines = new TripTimelines("orchestration");
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(TripBookingWorkflow.TASK_QUEUE);
        OrchestratedTrips.register(worker, travel, timelines, TodoFailsTheRun.options());
        env.start();
        return new OrchestratedTrips(env.getWorkflowClient(), timelines, false);
    }

    @AfterAll
    void stopTemporal() {
        env.close();
    }
}
