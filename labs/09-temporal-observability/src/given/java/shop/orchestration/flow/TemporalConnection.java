package shop.orchestration.flow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
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
    /**
     * The SDK's Micrometer reporter closes the registry it reports to when its connection closes; the shop's registry
     * must outlive a worker that is stopped and started again. So the reporter gets a composite over the shop's
     * registry, and {@link #close} detaches the shop's registry from it first.
     */
    private static final Map<Scope, CompositeMeterRegistry> SDK_METERS = new ConcurrentHashMap<>();

    private TemporalConnection() {}

    /** Waits, saying so every 2 s, until the server answers: a worker started before the server just waits. */
    public static WorkflowClient connect(String target, MeterRegistry registry, OpenTelemetry openTelemetry) {
        CompositeMeterRegistry sdkMeters = new CompositeMeterRegistry(Clock.SYSTEM, List.of(registry));
        Scope scope = TemporalMetrics.scope(sdkMeters);
        SDK_METERS.put(scope, sdkMeters);
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target)
                .setMetricsScope(scope)
                .build());
        awaitServer(stubs, target);
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setInterceptors(TemporalTracing.clientInterceptor(openTelemetry))
                .build());
    }

    /** Stops the connection and the metrics reporter's thread (it would keep the JVM alive); the registry stays open. */
    public static void close(WorkflowClient client) {
        WorkflowServiceStubs stubs = client.getWorkflowServiceStubs();
        Scope scope = stubs.getOptions().getMetricsScope();
        CompositeMeterRegistry sdkMeters = SDK_METERS.remove(scope);
        if (sdkMeters != null) {
            List.copyOf(sdkMeters.getRegistries()).forEach(sdkMeters::remove);
        }
        stubs.shutdownNow();
        try {
            scope.close();
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
