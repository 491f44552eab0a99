package shop.orchestration.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import shop.api.ShopServer;
import shop.domain.Domain;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.PlacementGate;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.lab.Todo;
import shop.metrics.OrderMetrics;
import shop.observe.Observability;
import shop.testkit.ShopHttp;

/** A shop on a real Temporal server: the orchestration flow (then any others), its worker in this JVM, real HTTP. */
final class OrchestrationShop implements AutoCloseable {
    final Domain domain = Domain.demo();
    final PrometheusMeterRegistry registry;
    final EmbeddedTemporal temporal;
    final OrderFlow flow;
    final ShopHttp http;
    private final OrchestrationFlowFactory factory = new OrchestrationFlowFactory(OpenTelemetry.noop());
    private final List<OrderFlow> flows = new ArrayList<>();
    private ShopContext context;
    private AutoCloseable worker;
    private ShopServer shop;

    /** Whatever started is stopped again when a later part fails (a TODO, say). */
    OrchestrationShop(String name, FlowFactory... others) {
        Todo.forget();
        registry = Observability.newRegistry(name);
        temporal = EmbeddedTemporal.start(Ports.pickFree());
        try {
            PlacementGate placements = new PlacementGate(new OrderMetrics(registry));
            context = new ShopContext(domain, registry, placements, null, temporal.target(), Set.of(OrchestrationFlowFactory.WORKER));
            flow = factory.create(context);
            flows.add(flow);
            for (FlowFactory other : others) {
                flows.add(other.create(context));
            }
            startWorker();
            shop = ShopServer.start(domain, registry, flows, "127.0.0.1", 0, OpenTelemetry.noop(), placements);
            http = new ShopHttp(shop.baseUrl());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String baseUrl() {
        return shop.baseUrl();
    }

    void startWorker() {
        worker = factory.startService(OrchestrationFlowFactory.WORKER, context);
    }

    void stopWorker() throws Exception {
        worker.close();
        worker = null;
    }

    void restartWorker() throws Exception {
        if (worker != null) {
            stopWorker();
        }
        startWorker();
    }

    @Override
    public void close() {
        try {
            if (shop != null) {
                shop.close();
            }
            if (worker != null) {
                worker.close();
            }
            for (OrderFlow started : flows) {
                started.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("stopping the shop", e);
        } finally {
            temporal.close();
        }
    }
}
