package shop.orchestration.flow;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.AfterAll;
import shop.flow.OrderFlow;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.testkit.OrderFlowScenarios;

/**
 * The scenarios every flow passes, on a real Temporal server, with the worker started as its own service
 * (as {@code run --service worker} does), so that {@link #restart} can stop it in the middle of 50 orders.
 */
class OrchestrationScenariosTest extends OrderFlowScenarios {
    private final EmbeddedTemporal temporal = EmbeddedTemporal.start(Ports.pickFree());
    private final OrchestrationFlowFactory factory = new OrchestrationFlowFactory(OpenTelemetry.noop());
    private AutoCloseable worker;

    @Override
    protected String temporalTarget() {
        return temporal.target();
    }

    @Override
    protected OrderFlow startFlow(ShopContext context) {
        OrderFlow flow = factory.create(withoutWorker(context));
        worker = factory.startService(OrchestrationFlowFactory.WORKER, context);
        return flow;
    }

    /** Lab 07's ActivityPolicies.STEPS: 10 attempts, 50 ms doubling to 1 s between them. */
    @Override
    protected Optional<Duration> givesUpOnAServiceThatIsDownAfter() {
        return Optional.of(Duration.ofMillis(5_550));
    }

    @Override
    protected OrderFlow restart(OrderFlow running) {
        try {
            worker.close();
        } catch (Exception e) {
            throw new AssertionError("stopping the worker failed", e);
        }
        worker = factory.startService(OrchestrationFlowFactory.WORKER, context);
        return running;
    }

    @AfterAll
    void stopWorkerAndServer() throws Exception {
        if (worker != null) {
            worker.close();
        }
        flow.close();
        flow = null;
        temporal.close();
    }

    private static ShopContext withoutWorker(ShopContext context) {
        return new ShopContext(context.domain(), context.registry(), context.listener(),
                context.kafkaBootstrapServers(), context.temporalTarget(), Set.of(OrchestrationFlowFactory.WORKER));
    }
}
