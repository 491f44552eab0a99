package shop.infracheck;

import java.time.Duration;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A real Temporal worker whose SDK metrics go to the shop's registry the way the orchestration reports
 * them (MicrometerClientStatsReporter), running workflows that complete, fail, retry an activity and get
 * canceled, so the Temporal dashboard's queries meet the names the Java SDK really emits. Not the
 * orchestration itself.
 */
final class TemporalTraffic implements AutoCloseable {
    static final String TASK_QUEUE = "infra-check";

    @WorkflowInterface
    public interface CheckWorkflow {
        @WorkflowMethod
        String run(String mode);
    }

    @ActivityInterface
    public interface CheckActivities {
        String step(String mode);
    }

    public static class CheckWorkflowImpl implements CheckWorkflow {
        private final CheckActivities activities = Workflow.newActivityStub(CheckActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10))
                        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(10))
                                .setMaximumAttempts(3).build())
                        .build());

        @Override
        public String run(String mode) {
            if (mode.equals("wait")) {
                Workflow.await(() -> false);
            }
            return activities.step(mode);
        }
    }

    public static class CheckActivitiesImpl implements CheckActivities {
        @Override
        public String step(String mode) {
            if (mode.equals("fail")) {
                throw ApplicationFailure.newNonRetryableFailure("declined", "Declined");
            }
            if (mode.equals("retry") && Activity.getExecutionContext().getInfo().getAttempt() == 1) {
                throw ApplicationFailure.newFailure("try again", "Transient");
            }
            return "ok";
        }
    }

    private final Scope scope;
    private final TestWorkflowEnvironment environment;
    private final WorkflowClient client;

    TemporalTraffic(MeterRegistry registry) {
        scope = new RootScopeBuilder().reporter(new MicrometerClientStatsReporter(registry))
                .reportEvery(com.uber.m3.util.Duration.ofMillis(100));
        environment = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setMetricsScope(scope).build());
        Worker worker = environment.newWorker(TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(CheckWorkflowImpl.class);
        worker.registerActivitiesImplementations(new CheckActivitiesImpl());
        environment.start();
        client = environment.getWorkflowClient();
    }

    /** One workflow of each ending: completed, completed after a retried activity, failed, canceled. */
    void runOneOfEach(int round) {
        workflow("ok-" + round).run("ok");
        workflow("retry-" + round).run("retry");
        try {
            workflow("fail-" + round).run("fail");
            throw new AssertionError("the failing workflow completed");
        } catch (WorkflowFailedException expected) {
            // a failed workflow is what this round needs
        }
        CheckWorkflow waiting = workflow("wait-" + round);
        WorkflowClient.start(waiting::run, "wait");
        WorkflowStub stub = WorkflowStub.fromTyped(waiting);
        stub.cancel();
        try {
            stub.getResult(String.class);
        } catch (WorkflowFailedException expected) {
            // canceled
        }
    }

    private CheckWorkflow workflow(String id) {
        return client.newWorkflowStub(CheckWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(id).build());
    }

    @Override
    public void close() throws ScopeCloseException {
        environment.close();
        scope.close();
    }
}
