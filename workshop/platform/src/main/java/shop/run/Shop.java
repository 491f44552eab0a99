package shop.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import shop.api.ShopServer;
import shop.domain.Catalog;
import shop.domain.Domain;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.PlacementGate;
import shop.flow.ShopContext;
import shop.infra.Infrastructure;
import io.opentelemetry.api.OpenTelemetry;
import shop.observe.Observability;
import shop.observe.Tracing;
import shop.travel.ShopTrips;
import shop.travel.Travel;
import shop.travel.TripContext;
import shop.travel.TripMeters;

/** The whole shop in one process: infrastructure, domain, flows and the HTTP API. Close it to stop everything. */
public final class Shop implements AutoCloseable {
    private final Infrastructure infrastructure;
    private final Domain domain;
    private final PrometheusMeterRegistry registry;
    private final List<OrderFlow> flows;
    private final ShopServer server;

    private Shop(Infrastructure infrastructure, Domain domain, PrometheusMeterRegistry registry, List<OrderFlow> flows,
                 ShopServer server) {
        this.infrastructure = infrastructure;
        this.domain = domain;
        this.registry = registry;
        this.flows = flows;
        this.server = server;
    }

    /**
     * @param listeners makes the order listener (the business meters) for the registry
     * @param progress  hears one line per step of the start-up
     */
    public static Shop start(ShopOptions options, Function<MeterRegistry, OrderListener> listeners,
                             Consumer<String> progress) {
        List<FlowFactory> factories = Flows.select(options.impls());
        Infrastructure infrastructure = Infrastructure.start(options.env(), options.kafkaPort(), options.temporalPort(),
                options.kafkaData(), options.freshData(), progress);
        List<OrderFlow> flows = new ArrayList<>();
        ShopTrips trips = null;
        try {
            Domain domain = new Domain(Catalog.demo(), options.stockPerSku());
            PrometheusMeterRegistry registry = Observability.newRegistry("shop", options.env());
            OpenTelemetry openTelemetry = Tracing.fromEnvironment(options.env(), "shop");
            PlacementGate placements = new PlacementGate(listeners.apply(registry));
            ShopContext context = new ShopContext(domain, registry, placements,
                    infrastructure.kafkaBootstrapServers(), infrastructure.temporalTarget(), options.skippedServices(),
                    options.parallelism());
            for (FlowFactory factory : factories) {
                progress.accept("starting the " + factory.name() + " flow");
                flows.add(factory.create(context));
            }
            trips = TripFlows.start(flows.stream().map(OrderFlow::name).toList(), new TripContext(Travel.demo(),
                    new TripMeters(registry), infrastructure.kafkaBootstrapServers(), infrastructure.temporalTarget()));
            ShopServer server = ShopServer.start(domain, registry, flows, options.host(), options.port(), openTelemetry,
                    placements, trips);
            progress.accept("HTTP API on " + server.baseUrl());
            return new Shop(infrastructure, domain, registry, flows, server);
        } catch (RuntimeException e) {
            if (trips != null) {
                trips.close();
            }
            flows.forEach(OrderFlow::close);
            infrastructure.close();
            throw e;
        }
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public Domain domain() {
        return domain;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public List<OrderFlow> flows() {
        return flows;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    @Override
    public void close() {
        server.close();
        flows.forEach(OrderFlow::close);
        QuietStop.silenceTheTestServersLeftovers();
        infrastructure.close();
    }
}
