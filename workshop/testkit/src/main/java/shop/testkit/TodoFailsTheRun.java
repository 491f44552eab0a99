package shop.testkit;

import io.temporal.worker.WorkflowImplementationOptions;
import shop.lab.Todo;

/**
 * For lab tests that register a workflow the attendee writes: a TODO reached in workflow code fails the run at once.
 * By default Temporal treats any other exception in workflow code as a bug to be fixed by a new deployment and
 * retries the workflow task for ever; the test then fails on the TODO anyway, but the test environment takes
 * seconds to close around a workflow task that keeps failing.
 */
public final class TodoFailsTheRun {
    private TodoFailsTheRun() {}

    public static WorkflowImplementationOptions options() {
        return WorkflowImplementationOptions.newBuilder().setFailWorkflowExceptionTypes(Todo.class).build();
    }
}
