package shop.bench.orchestration;

import java.time.Duration;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Temporal's own cost, for comparison: a workflow that calls three activities that do nothing. */
@WorkflowInterface
public interface NoOpWorkflow {
    String TASK_QUEUE = "bench-noop";

    @WorkflowMethod
    void run();

    @ActivityInterface
    interface Steps {
        void first();

        void second();

        void third();
    }

    final class Impl implements NoOpWorkflow {
        private final Steps steps = Workflow.newActivityStub(Steps.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public void run() {
            steps.first();
            steps.second();
            steps.third();
        }
    }

    final class NoOpSteps implements Steps {
        @Override
        public void first() {}

        @Override
        public void second() {}

        @Override
        public void third() {}
    }
}
