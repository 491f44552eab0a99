package shop.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What an operator does with Temporal's CLI or UI, for a shop without them: terminate an order's workflow. The run
 * stops where it is and none of its code runs again, so nothing is undone; lab 08 compares it with the cancel signal.
 */
@Command(name = "terminate", mixinStandardHelpOptions = true,
        description = {"Terminate the workflow of an orchestration order, as Temporal's CLI or UI can: the run stops at",
                "once and no workflow code runs again, so nothing is undone. Compare POST /orders/ID/cancel (lab 08)."})
final class TerminateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ORDER_ID", description = "the order's id, which is its workflow's id")
    String orderId;

    @Option(names = "--temporal-port", defaultValue = "${env:TEMPORAL_PORT:-7233}",
            description = "the shop's Temporal port (default ${DEFAULT-VALUE}); TEMPORAL_ADDRESS wins if set")
    int temporalPort;

    @Option(names = "--reason", defaultValue = "terminated by hand", description = "kept in the history (default: ${DEFAULT-VALUE})")
    String reason;

    @Override
    public Integer call() {
        String target = System.getenv().getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort);
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        try {
            WorkflowClient.newInstance(stubs).newUntypedWorkflowStub(orderId).terminate(reason);
        } catch (WorkflowNotFoundException gone) {
            throw new IllegalArgumentException("no running workflow \"" + orderId + "\" on Temporal " + target
                    + ": the id is unknown there, or its order has ended");
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                throw new IllegalArgumentException("no Temporal server answers on " + target + ": start the shop, or "
                        + "pass its --temporal-port");
            }
            throw e;
        } finally {
            stubs.shutdownNow();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("terminated the workflow of order %s: nothing was undone. GET /orders/%s says REJECTED, terminated%n",
                orderId, orderId);
        return 0;
    }
}
