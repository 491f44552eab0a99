package shop.api;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import shop.infra.PortInUse;
import shop.infra.Ports;

/**
 * /metrics and /health only, for a process that serves no API: a service that runs on its own (a Kafka handler, a
 * Temporal worker), or {@code ./shop chaos}. Its requests are timed like the shop's ({@code http.server.requests}).
 */
public final class MetricsServer implements AutoCloseable {
    private final Javalin app;
    private final AtomicLong scrapes;

    private MetricsServer(Javalin app, AtomicLong scrapes) {
        this.app = app;
        this.scrapes = scrapes;
    }

    public static MetricsServer start(PrometheusMeterRegistry registry, String host, int port) {
        return start(registry, host, port, "service metrics", "--port");
    }

    /**
     * @param what   what the port is for, and
     * @param option the option that chooses it: both named when the port is in use
     */
    public static MetricsServer start(PrometheusMeterRegistry registry, String host, int port, String what, String option) {
        int chosen = port == 0 ? Ports.pickFree() : port;
        Ports.requireFree(chosen, what, option);
        HttpMetrics http = new HttpMetrics(registry);
        AtomicLong scrapes = new AtomicLong();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            HttpLimits.apply(config, host, chosen);
            config.routes.before(http::start);
            config.routes.after(http::stop);
            config.routes.get("/metrics", ctx -> {
                ShopServer.writeMetrics(ctx, registry);
                scrapes.incrementAndGet();
            });
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new PortInUse(chosen, what, option);
        }
        return new MetricsServer(app, scrapes);
    }

    public String baseUrl() {
        return "http://" + ShopServer.LOOPBACK + ":" + app.port();
    }

    /** How many times /metrics was read so far. */
    public long scrapes() {
        return scrapes.get();
    }

    @Override
    public void close() {
        app.stop();
    }
}
