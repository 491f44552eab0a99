package shop.app;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import shop.api.MetricsServer;
import shop.api.ShopServer;
import shop.flow.OrderListener;
import shop.infra.Ports;
import shop.metrics.OrderMetrics;
import shop.observe.KafkaMetersRefreshedOften;
import shop.observe.Observability;
import shop.observe.Tracing;
import shop.travel.TripListener;
import shop.travel.TripMeters;

/**
 * The meters of a chaos run, in a registry set up as {@code ./shop run} sets up the shop's (lab 01's business meters,
 * JVM meters, the flows' Kafka and Temporal meters, exemplars only when traces are exported), served on
 * {@code /metrics} at the shop's own address, 127.0.0.1:7070 by default. Prometheus's {@code shop} job scrapes that
 * address, so the Grafana dashboards show the run while it lasts.
 */
final class ChaosMeters implements AutoCloseable {
    /** How long to wait at the end for one more scrape, so Prometheus sees the final counts (it scrapes every 5 s). */
    static final Duration LAST_SCRAPE_PATIENCE = Duration.ofSeconds(15);

    private final PrometheusMeterRegistry registry;
    private final OrderListener listener;
    private final TripListener trips;
    private final MetricsServer server;
    private final Consumer<String> progress;

    private ChaosMeters(PrometheusMeterRegistry registry, MetricsServer server, Consumer<String> progress) {
        this.registry = registry;
        this.listener = new OrderMetrics(registry);
        this.trips = new TripMeters(registry);
        this.server = server;
        this.progress = progress;
    }

    /**
     * @param port   where to serve /metrics on loopback; 0 for nowhere (the meters are then kept to the run)
     * @param chosen whether the user chose the port: if so, a port in use is an error; the default port in use (a
     *               shop runs there) is only reported, and the run goes on without serving its meters
     */
    static ChaosMeters start(int port, boolean chosen, Map<String, String> env, Consumer<String> progress) {
        if (port < 0) {
            throw new IllegalArgumentException("--metrics-port must be a port, or 0 for none; was " + port);
        }
        PrometheusMeterRegistry registry = Observability.newRegistry("shop", env);
        Tracing.fromEnvironment(env, "shop");
        if (port != 0 && !chosen && !Ports.isFree(port)) {
            progress.accept("port " + port + " is in use (a shop running?), so this run's meters are not served and the"
                    + " dashboards will not show it: stop the shop first, or choose --metrics-port");
            port = 0;
        }
        MetricsServer server = port == 0 ? null
                : MetricsServer.start(registry, ShopServer.LOOPBACK, port, "chaos metrics", "--metrics-port (0 for none)");
        if (server != null) {
            progress.accept("meters on " + server.baseUrl() + "/metrics, where Prometheus scrapes the shop");
        }
        return new ChaosMeters(registry, server, progress);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Lab 01's business meters (orders placed, completed, rejected, in flight, their durations). */
    OrderListener listener() {
        return listener;
    }

    /** The trips' meters, in the same registry: the dashboards' Trips row. */
    TripListener tripListener() {
        return trips;
    }

    /**
     * Before a flow stops, so that its Kafka client meters reach the dashboards: they are bound at their next refresh
     * (per-topic ones appear only once a topic is used), then one scrape must see them. A short run would otherwise end
     * between two scrapes, and its per-topic panels stay empty.
     */
    void awaitAScrapeOfTheFlowsMeters() throws InterruptedException {
        if (server != null && server.scrapes() > 0) {
            Thread.sleep(KafkaMetersRefreshedOften.REFRESH.toMillis());
            awaitNextScrape();
        }
    }

    /** Stops serving, after one more scrape if anything scraped at all (nobody waits for a Prometheus that never came). */
    @Override
    public void close() throws InterruptedException {
        if (server == null) {
            return;
        }
        if (server.scrapes() > 0) {
            progress.accept("waiting for Prometheus to scrape the final counts");
            awaitNextScrape();
        }
        server.close();
    }

    private void awaitNextScrape() throws InterruptedException {
        long seen = server.scrapes();
        long deadline = System.nanoTime() + LAST_SCRAPE_PATIENCE.toNanos();
        while (server.scrapes() == seen && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
