package shop.api;

import java.util.Map;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import shop.infra.PortInUse;
import shop.infra.Ports;

/** /metrics and /health only, for a service that runs on its own (a Kafka handler, a Temporal worker). */
public final class MetricsServer implements AutoCloseable {
    private final Javalin app;

    private MetricsServer(Javalin app) {
        this.app = app;
    }

    public static MetricsServer start(PrometheusMeterRegistry registry, String host, int port) {
        int chosen = port == 0 ? Ports.pickFree() : port;
        Ports.requireFree(chosen, "service metrics", "--port");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            HttpLimits.apply(config, host, chosen);
            config.routes.get("/metrics", ctx -> ShopServer.writeMetrics(ctx, registry));
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new PortInUse(chosen, "service metrics", "--port");
        }
        return new MetricsServer(app);
    }

    public String baseUrl() {
        return "http://" + ShopServer.LOOPBACK + ":" + app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
