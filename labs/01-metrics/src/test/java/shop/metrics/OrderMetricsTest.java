package shop.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import shop.api.ShopServer;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderFlow;
import shop.observe.Observability;
import shop.testkit.Labs;
import shop.testkit.Scrape;
import shop.testkit.ShopHttp;

/**
 * Lab 01: the shop runs the direct flow with your {@link OrderMetrics}; every check reads a real /metrics scrape,
 * as Prometheus would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class OrderMetricsTest {
    private static final String DIRECT = "impl=\"direct\"";

    private OrderFlow flow;
    private ShopServer server;
    private ShopHttp shop;

    @BeforeAll
    void startShop() {
        PrometheusMeterRegistry registry = Observability.newRegistry("shop");
        Domain domain = Domain.demo();
        flow = new DirectFlow(domain, new OrderMetrics(registry));
        server = ShopServer.start(domain, registry, List.of(flow), 0);
        shop = new ShopHttp(server.baseUrl());
    }

    @AfterAll
    void stopShop() {
        server.close();
        flow.close();
    }

    @BeforeEach
    void noFaults() {
        faults("{}");
    }

    @Test
    void todo1_placedOrdersAreCountedPerImpl() {
        double before = value("TODO 1", "shop_orders_placed_total", DIRECT);

        placeAndFinish(3);

        assertThat(value("TODO 1", "shop_orders_placed_total", DIRECT) - before)
                .as("TODO 1: shop_orders_placed_total{impl=\"direct\"} should grow by one per order placed")
                .isEqualTo(3);
    }

    @Test
    void todo2_finalStatesAreCountedAndCompensationsToo() {
        double completed = value("TODO 2", "shop_orders_completed_total", DIRECT);
        double rejected = value("TODO 2", "shop_orders_rejected_total", DIRECT);
        double compensated = value("TODO 2", "shop_orders_compensated_total", DIRECT);

        placeAndFinish(2);
        faults("{\"declineRate\": 1}");
        placeAndFinish(2);
        faults("{\"outOfStock\": [\"BOOK-1\"]}");
        placeAndFinish(1);

        assertThat(value("TODO 2", "shop_orders_completed_total", DIRECT) - completed)
                .as("TODO 2: shop_orders_completed_total{impl=\"direct\"} after 2 good orders").isEqualTo(2);
        assertThat(value("TODO 2", "shop_orders_rejected_total", DIRECT) - rejected)
                .as("TODO 2: shop_orders_rejected_total{impl=\"direct\"} after 2 declined cards and 1 out of stock")
                .isEqualTo(3);
        assertThat(value("TODO 2", "shop_orders_compensated_total", DIRECT) - compensated)
                .as("TODO 2: shop_orders_compensated_total{impl=\"direct\"}: only the out-of-stock order was refunded")
                .isEqualTo(1);
    }

    @Test
    void todo3_endToEndDurationIsAHistogramPerStatus() {
        String completed = "status=\"COMPLETED\"";
        double before = value("TODO 3", "shop_order_duration_seconds_count", DIRECT, completed);

        placeAndFinish(4);

        Scrape scrape = shop.scrape().about("TODO 3");
        assertThat(scrape.value("shop_order_duration_seconds_count", DIRECT, completed).orElse(0) - before)
                .as("TODO 3: shop_order_duration_seconds_count{impl=\"direct\",status=\"COMPLETED\"} after 4 orders")
                .isEqualTo(4);
        assertThat(scrape.lines("shop_order_duration_seconds_bucket", DIRECT, completed))
                .as("TODO 3: the timer needs a histogram (publishPercentileHistogram) so Prometheus gets _bucket series")
                .hasSizeGreaterThan(5)
                .anySatisfy(line -> assertThat(line).contains("le=\"+Inf\""));
    }

    @Test
    void todo4_everyStepIsTimedWithItsOutcome() {
        faults("{\"services\": {\"SHIPPING\": {\"latencyMs\": 100}}}");
        double bookCount = value("TODO 4", "shop_step_duration_seconds_count", DIRECT, "step=\"book\"", "outcome=\"ok\"");
        double bookSeconds = value("TODO 4", "shop_step_duration_seconds_sum", DIRECT, "step=\"book\"", "outcome=\"ok\"");

        placeAndFinish(2);
        faults("{\"declineRate\": 1}");
        placeAndFinish(1);

        Scrape scrape = shop.scrape().about("TODO 4");
        for (String step : List.of("charge", "reserve", "book")) {
            assertThat(scrape.lines("shop_step_duration_seconds_count", DIRECT, "step=\"" + step + "\""))
                    .as("TODO 4: shop_step_duration_seconds_count for step=\"" + step + "\"").isNotEmpty();
        }
        assertThat(scrape.require("shop_step_duration_seconds_count", DIRECT, "step=\"book\"", "outcome=\"ok\"") - bookCount)
                .as("TODO 4: two successful bookings").isEqualTo(2);
        assertThat(scrape.require("shop_step_duration_seconds_sum", DIRECT, "step=\"book\"", "outcome=\"ok\"") - bookSeconds)
                .as("TODO 4: the shipping service was slowed by 100 ms per call, so the book step took at least 0.2 s in all")
                .isGreaterThanOrEqualTo(0.2);
        assertThat(scrape.lines("shop_step_duration_seconds_count", DIRECT, "step=\"charge\"", "outcome=\"card-declined\""))
                .as("TODO 4: a declined charge is timed too, with outcome=\"card-declined\"").isNotEmpty();
        for (String service : List.of("service=\"payment\"", "service=\"inventory\"", "service=\"shipping\"")) {
            assertThat(scrape.lines("shop_step_duration_seconds_count", DIRECT, service))
                    .as("TODO 4: the steps tagged with the service that ran them, " + service).isNotEmpty();
        }
    }

    @Test
    void todo5_inFlightGaugeRisesWhileOrdersRunAndFallsWhenTheyFinish() {
        faults("{\"services\": {\"SHIPPING\": {\"latencyMs\": 1500}}}");
        List<String> ids = List.of(place(), place(), place());

        double[] highest = {0};
        Labs.await("shop_orders_in_flight{impl=\"direct\"} to reach 3, or the 3 slow orders to end").until(() -> {
            highest[0] = Math.max(highest[0], value("TODO 5", "shop_orders_in_flight", DIRECT));
            return highest[0] >= 3 || allFinal(ids);
        });
        assertThat(highest[0]).as("TODO 5: shop_orders_in_flight{impl=\"direct\"} while 3 slow orders ran").isEqualTo(3);
        awaitFinal(ids);
        assertThat(value("TODO 5", "shop_orders_in_flight", DIRECT))
                .as("TODO 5: shop_orders_in_flight{impl=\"direct\"} once every order is final").isZero();
    }

    /** Going further (not part of the check): "orders within 500 ms" is answered exactly, by a bucket ending there. */
    @Test
    @Tag("stretch")
    void stretch_theOrderTimerHasABucketEndingAtEachObjective() {
        String completed = "status=\"COMPLETED\"";
        placeAndFinish(1);
        Scrape scrape = shop.scrape().about("stretch");
        for (String objective : List.of("0.1", "0.5", "2.0")) {
            assertThat(scrape.lines("shop_order_duration_seconds_bucket", DIRECT, completed, "le=\"" + objective + "\""))
                    .as("stretch: shop_order_duration_seconds_bucket{le=\"%s\"}, a bucket that ends at the objective of %s s,"
                            + " so the share of orders within it is counted, not estimated", objective, objective)
                    .hasSize(1);
        }
        double within500ms = scrape.require("shop_order_duration_seconds_bucket", DIRECT, completed, "le=\"0.5\"");
        double all = scrape.require("shop_order_duration_seconds_bucket", DIRECT, completed, "le=\"+Inf\"");

        faults("{\"services\": {\"SHIPPING\": {\"latencyMs\": 700}}}");
        placeAndFinish(2);

        Scrape after = shop.scrape().about("stretch");
        assertThat(after.require("shop_order_duration_seconds_bucket", DIRECT, completed, "le=\"+Inf\"") - all)
                .as("stretch: two more orders in the le=\"+Inf\" bucket").isEqualTo(2);
        assertThat(after.require("shop_order_duration_seconds_bucket", DIRECT, completed, "le=\"0.5\""))
                .as("stretch: orders that took over 700 ms are not within 500 ms").isEqualTo(within500ms);
        assertThat(after.lines("shop_order_duration_seconds_bucket", DIRECT, completed))
                .as("stretch: keep the percentile histogram too (TODO 3)").hasSizeGreaterThan(5);
    }

    private void faults(String json) {
        ShopHttp.Response response = shop.put("/faults", json);
        assertThat(response.status()).as("PUT /faults " + json + " -> " + response.body()).isEqualTo(200);
    }

    private String place() {
        return shop.placeOrder("lab01", "BOOK-1", 1);
    }

    private void placeAndFinish(int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(place());
        }
        awaitFinal(ids);
    }

    private void awaitFinal(List<String> ids) {
        Labs.await("orders to finish").until(() -> allFinal(ids));
    }

    private boolean allFinal(List<String> ids) {
        return ids.stream().map(id -> shop.get("/orders/" + id).body().get("status").asText()).noneMatch("PENDING"::equals);
    }

    /** The only sample of the series with these labels, 0 if none; a failed lookup names the TODO that makes it. */
    private double value(String todo, String series, String... labels) {
        return shop.scrape().about(todo).value(series, labels).orElse(0);
    }
}
