package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;

/** {@code ./shop terminate} on a real Temporal server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminateCommandTest {
    private EmbeddedTemporal temporal;
    private WorkflowClient client;

    @BeforeAll
    void startTemporal() {
        temporal = EmbeddedTemporal.start(Ports.pickFree());
        client = WorkflowClient.newInstance(WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target())
                        .setRpcTimeout(Duration.ofSeconds(30)).build())); // a loaded CI machine answers slowly
    }

    @AfterAll
    void stopTemporal() {
        client.getWorkflowServiceStubs().shutdownNow();
        temporal.close();
    }

    @Test
    void terminatesARunningWorkflowAndSaysNothingWasUndone() {
        client.newUntypedWorkflowStub("OrderLikeWorkflow", WorkflowOptions.newBuilder().setWorkflowId("order-t1")
                .setTaskQueue("nobody-polls-this").build()).start("an order");
        Cli cli = new Cli();

        int exit = cli.run("terminate", "order-t1", "--temporal-port", port(), "--reason", "an operator cleaning up");

        assertThat(exit).as("exit code; stderr: " + cli.err).isZero();
        assertThat(cli.out.toString()).contains("terminated the workflow of order order-t1: nothing was undone");
        assertThat(client.fetchHistory("order-t1").getLastEvent().getWorkflowExecutionTerminatedEventAttributes()
                .getReason()).isEqualTo("an operator cleaning up");
    }

    @Test
    void anUnknownOrderIsAOneLineErrorWithExitCode2() {
        Cli cli = new Cli();

        int exit = cli.run("terminate", "nobody", "--temporal-port", port());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString().strip()).isEqualTo("error: no running workflow \"nobody\" on Temporal "
                + temporal.target() + ": the id is unknown there, or its order has ended");
    }

    private String port() {
        return temporal.target().substring(temporal.target().lastIndexOf(':') + 1);
    }
}
