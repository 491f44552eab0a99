package shop.run;

import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import shop.api.MetricsServer;
import shop.api.ShopLink;
import shop.domain.Catalog;
import shop.domain.Domain;
import shop.flow.FlowFactory;
import shop.flow.OrderListener;
import shop.flow.ShopContext;
import shop.observe.Observability;
import shop.observe.Tracing;

/**
 * One part of a flow (a Kafka handler, a Temporal worker) running as a process of its own, against the
 * Kafka and Temporal of a shop started elsewhere. It serves only /metrics and /health, and stays in the shop's reach
 * through a {@link ShopLink}: the shop's faults apply here, and the shop lists it and its charges.
 */
public final class ServiceProcess implements AutoCloseable {
    private final AutoCloseable service;
    private final MetricsServer server;
    private final ShopLink shop;

    private ServiceProcess(AutoCloseable service, MetricsServer server, ShopLink shop) {
        this.service = service;
        this.server = server;
        this.shop = shop;
    }

    /** @param shopUrl the shop's HTTP API, e.g. http://127.0.0.1:7070 */
    public static ServiceProcess start(String impl, String serviceName, ShopOptions options, String shopUrl,
                                       Function<MeterRegistry, OrderListener> listeners, Consumer<String> progress) {
        FlowFactory factory = Flows.select(java.util.List.of(impl)).get(0);
        if (!factory.services().contains(serviceName)) {
            throw new IllegalArgumentException("--service " + serviceName + ": the " + impl + " flow has "
                    + (factory.services().isEmpty() ? "no separate services" : "services " + factory.services()));
        }
        String kafka = options.env().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + options.kafkaPort());
        String temporal = options.env().getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:" + options.temporalPort());
        PrometheusMeterRegistry registry = Observability.newRegistry("shop-" + serviceName, options.env());
        Tracing.fromEnvironment(options.env(), "shop-" + serviceName);
        Domain domain = new Domain(Catalog.demo(), options.stockPerSku());
        ShopContext context = new ShopContext(domain, registry, listeners.apply(registry), kafka, temporal,
                java.util.Set.of(), options.parallelism());
        MetricsServer server = MetricsServer.start(registry, options.host(), options.port());
        progress.accept("metrics on " + server.baseUrl() + "/metrics");
        ShopLink shop = null;
        try {
            shop = ShopLink.start(shopUrl, impl, serviceName, server.baseUrl() + "/metrics", domain, progress);
            progress.accept("starting the " + impl + " " + serviceName + " service (Kafka " + kafka + ", Temporal " + temporal + ")");
            return new ServiceProcess(factory.startService(serviceName, context), server, shop);
        } catch (RuntimeException e) {
            if (shop != null) {
                shop.close();
            }
            server.close();
            throw e;
        }
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() throws Exception {
        shop.close();
        server.close();
        service.close();
    }
}
