package shop.run;

import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import shop.api.MetricsServer;
import shop.domain.Catalog;
import shop.domain.Domain;
import shop.flow.FlowFactory;
import shop.flow.OrderListener;
import shop.flow.ShopContext;
import shop.observe.Observability;
import shop.observe.Tracing;

/**
 * One part of a flow (a Kafka handler, a Temporal worker) running as a process of its own, against the
 * Kafka and Temporal of a shop started elsewhere. It serves only /metrics and /health.
 */
public final class ServiceProcess implements AutoCloseable {
    private final AutoCloseable service;
    private final MetricsServer server;

    private ServiceProcess(AutoCloseable service, MetricsServer server) {
        this.service = service;
        this.server = server;
    }

    public static ServiceProcess start(String impl, String serviceName, ShopOptions options,
                                       Function<MeterRegistry, OrderListener> listeners, Consumer<String> progress) {
        FlowFactory factory = Flows.select(java.util.List.of(impl)).get(0);
        if (!factory.services().contains(serviceName)) {
            throw new IllegalArgumentException("--service " + serviceName + ": the " + impl + " flow has "
                    + (factory.services().isEmpty() ? "no separate services" : "services " + factory.services()));
        }
        String kafka = options.env().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + options.kafkaPort());
        String temporal = options.env().getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:" + options.temporalPort());
        PrometheusMeterRegistry registry = Observability.newRegistry("shop-" + serviceName);
        Tracing.fromEnvironment(options.env(), "shop-" + serviceName);
        Domain domain = new Domain(Catalog.demo(), options.stockPerSku());
        ShopContext context = new ShopContext(domain, registry, listeners.apply(registry), kafka, temporal,
                java.util.Set.of(), options.parallelism());
        progress.accept("starting the " + impl + " " + serviceName + " service (Kafka " + kafka + ", Temporal " + temporal + ")");
        AutoCloseable service = factory.startService(serviceName, context);
        MetricsServer server = MetricsServer.start(registry, options.host(), options.port());
        progress.accept("metrics on " + server.baseUrl() + "/metrics");
        return new ServiceProcess(service, server);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() throws Exception {
        server.close();
        service.close();
    }
}
