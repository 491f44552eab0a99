package shop.orchestration.flow;

import java.util.List;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.ShopContext;

/**
 * Plugs the orchestration flow into the shop ({@code run --impl orchestration}). The worker can run in this
 * process or alone ({@code run --service worker}); traces go to the global OpenTelemetry, a no-op unless the
 * app or the OpenTelemetry agent set one up.
 */
public final class OrchestrationFlowFactory implements FlowFactory {
    public static final String WORKER = "worker";

    private final OpenTelemetry openTelemetry;

    public OrchestrationFlowFactory() {
        this(null);
    }

    /** @param openTelemetry where spans go; null for {@link GlobalOpenTelemetry} */
    public OrchestrationFlowFactory(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    @Override
    public String name() {
        return OrchestrationFlow.NAME;
    }

    @Override
    public OrderFlow create(ShopContext context) {
        WorkflowClient client = TemporalConnection.connect(context.temporalTarget(), context.registry(), openTelemetry());
        AutoCloseable worker = context.runsHere(WORKER)
                ? new RestartableWorker(() -> OrchestrationWorker.start(client, context.domain(), context.listener(), openTelemetry(),
                        context.parallelism()))
                : null;
        return new OrchestrationFlow(client, context.listener(), worker);
    }

    @Override
    public List<String> services() {
        return List.of(WORKER);
    }

    @Override
    public AutoCloseable startService(String service, ShopContext context) {
        if (!WORKER.equals(service)) {
            return FlowFactory.super.startService(service, context);
        }
        WorkflowClient client = TemporalConnection.connect(context.temporalTarget(), context.registry(), openTelemetry());
        OrchestrationWorker worker = OrchestrationWorker.start(client, context.domain(), context.listener(), openTelemetry(),
                context.parallelism());
        return () -> {
            worker.close();
            TemporalConnection.close(client);
        };
    }

    private OpenTelemetry openTelemetry() {
        return openTelemetry != null ? openTelemetry : GlobalOpenTelemetry.get();
    }
}
