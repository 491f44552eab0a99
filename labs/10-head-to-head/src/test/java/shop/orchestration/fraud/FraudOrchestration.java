package shop.orchestration.fraud;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import shop.domain.Domain;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;

/** The orchestration with the fraud check, for a test: a Temporal server on a free port, a worker, the flow. */
final class FraudOrchestration implements AutoCloseable {
    private final EmbeddedTemporal temporal;
    private final ShopContext context;
    private final OpenTelemetry openTelemetry;
    private ReviewWorker worker;
    private ReviewableOrchestrationFlow flow;

    private FraudOrchestration(Domain domain, OrderListener listener, OpenTelemetry openTelemetry) {
        this.temporal = EmbeddedTemporal.start(Ports.pickFree());
        this.context = new ShopContext(domain, new SimpleMeterRegistry(), listener, null, temporal.target());
        this.openTelemetry = openTelemetry;
    }

    static FraudOrchestration start(Domain domain, OrderListener listener, FraudPolicy policy, OpenTelemetry openTelemetry) {
        FraudOrchestration started = new FraudOrchestration(domain, listener, openTelemetry);
        try {
            started.worker = ReviewWorker.start(started.context, openTelemetry);
            started.flow = ReviewableOrchestrationFlow.connect(started.context, policy, openTelemetry);
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    ReviewableOrchestrationFlow flow() {
        return flow;
    }

    /** Stops the worker at once and starts another, which knows nothing of the running workflows. */
    void restartWorker() {
        worker.close();
        worker = ReviewWorker.start(context, openTelemetry);
    }

    @Override
    public void close() {
        if (flow != null) {
            flow.close();
        }
        if (worker != null) {
            worker.close();
        }
        temporal.close();
    }
}
