package shop.orchestration.flow;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import shop.orchestration.observe.TemporalMetrics;
import shop.orchestration.observe.TemporalTracing;

/** A client for the Temporal server at a target, with SDK metrics and tracing switched on. */
public final class TemporalConnection {
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private TemporalConnection() {}

    /** Waits, saying so every 2 s, until the server answers: a worker started before the server just waits. */
    public static WorkflowClient connect(String target, MeterRegistry registry, OpenTelemetry openTelemetry) {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target)
                .setMetricsScope(TemporalMetrics.scope(registry))
                .build());
        awaitServer(stubs, target);
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setInterceptors(TemporalTracing.clientInterceptor(openTelemetry))
                .build());
    }

    /** Stops the connection and the metrics reporter's thread (it would keep the JVM alive). */
    public static void close(WorkflowClient client) {
        WorkflowServiceStubs stubs = client.getWorkflowServiceStubs();
        stubs.shutdownNow();
        try {
            stubs.getOptions().getMetricsScope().close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the metrics scope failed", e);
        }
    }

    private static void awaitServer(WorkflowServiceStubs stubs, String target) {
        while (true) {
            try {
                stubs.healthCheck();
                return;
            } catch (RuntimeException unreachable) {
                System.err.printf("Temporal is not reachable at %s (%s); retrying in %d s. "
                                + "Start it (run, or docker compose in infra/) or set TEMPORAL_ADDRESS.%n",
                        target, unreachable.getMessage(), RETRY_EVERY.toSeconds());
                try {
                    Thread.sleep(RETRY_EVERY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stubs.shutdownNow();
                    throw new IllegalStateException("interrupted while waiting for Temporal at " + target, e);
                }
            }
        }
    }
}
