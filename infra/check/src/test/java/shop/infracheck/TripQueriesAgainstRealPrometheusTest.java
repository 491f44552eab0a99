package shop.infracheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import shop.api.ShopServer;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.flow.PlacementGate;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.observe.Observability;
import shop.run.TripFlows;
import shop.testkit.SharedKafka;
import shop.testkit.ShopHttp;
import shop.travel.ShopTrips;
import shop.travel.Travel;
import shop.travel.TravelCatalogue;
import shop.travel.TripContext;
import shop.travel.TripMeters;

/**
 * The dashboards' trip panels (lab 11), proven like the others: a real shop books trips over HTTP in both styles
 * (lab 11's choreography on a real broker, its workflow on a real Temporal server), some confirmed and some rejected
 * after a compensation, while the real prometheus scrapes it with the repo's config; then every query about trips
 * must return data, for each style its panel repeats for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedKafka.class)
class TripQueriesAgainstRealPrometheusTest {
    private static final List<String> STYLES = List.of("choreography", "orchestration");
    private static final int CONFIRMED_PER_STYLE = 3;
    private static final int REJECTED_PER_STYLE = 2;

    private EmbeddedTemporal temporalServer;
    private DirectFlow orders;
    private ShopServer shop;
    private PrometheusServer prometheus;

    @BeforeAll
    void bothStylesBookTripsWhilePrometheusScrapesTheShop(@TempDir Path workDir) throws Exception {
        Binaries.require("prometheus");
        PrometheusMeterRegistry registry = Observability.newRegistry("shop");
        Domain domain = Domain.demo();
        temporalServer = EmbeddedTemporal.start(Ports.pickFree());
        ShopTrips trips = TripFlows.start(STYLES, new TripContext(Travel.demo(), new TripMeters(registry),
                SharedKafka.bootstrapServers(), temporalServer.target()));
        orders = new DirectFlow(domain, OrderListener.NONE);
        shop = ShopServer.start(domain, registry, List.of(orders), ShopServer.LOOPBACK, 0, OpenTelemetry.noop(),
                new PlacementGate(OrderListener.NONE), trips);
        prometheus = PrometheusServer.scraping("127.0.0.1:" + shop.port(), workDir);
        ShopHttp client = new ShopHttp(shop.baseUrl());

        List<String> ids = new ArrayList<>();
        for (String style : STYLES) {
            for (int i = 0; i < CONFIRMED_PER_STYLE + REJECTED_PER_STYLE; i++) {
                String car = i < CONFIRMED_PER_STYLE ? "LIS-COMPACT" : TravelCatalogue.SOLD_OUT_CAR;
                String id = "trip-" + i + "." + style;
                assertThat(client.bookTrip(id, style, car).status()).isEqualTo(201);
                ids.add(id);
            }
        }
        // Generous: under a load average far above 20 a first workflow and a first consumer-group join take long.
        ids.forEach(id -> client.awaitTripFinal(id, Duration.ofSeconds(120)));
        await("the trips to be scraped").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> prometheus.sum("sum(shop_trip_duration_seconds_count)") >= ids.size());
        String scrapes = "sum(count_over_time(up{job=\"shop\"}[10m]))";
        double twoMore = prometheus.sum(scrapes) + 2; // so every rate() over the last meters has two samples
        await("two more scrapes").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> prometheus.sum(scrapes) >= twoMore);
    }

    @Test
    void everyDashboardQueryAboutTripsReturnsDataForEachStyle() {
        List<DashboardQuery> queries = Dashboards.queries().stream().filter(DashboardQuery::isAboutTrips).toList();
        assertThat(queries).as("queries about trips in infra/grafana/dashboards (3 panels, each repeated per style)")
                .hasSizeGreaterThanOrEqualTo(3 * STYLES.size());
        List<String> problems = new ArrayList<>();
        for (DashboardQuery query : queries) {
            PrometheusServer.Answer answer = prometheus.query(query.asGrafanaSends());
            if (!answer.success()) {
                problems.add(query.where() + ": " + answer.error() + "\n    " + query.expr());
            } else if (answer.resultCount() == 0) {
                problems.add(query.where() + ": no data although both styles booked, confirmed and compensated trips"
                        + "\n    " + query.expr());
            }
        }
        assertThat(problems).as("trip queries that fail or would show \"No data\"").isEmpty();
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (shop != null) {
            shop.close();
        }
        if (orders != null) {
            orders.close();
        }
        if (temporalServer != null) {
            temporalServer.close();
        }
    }
}
