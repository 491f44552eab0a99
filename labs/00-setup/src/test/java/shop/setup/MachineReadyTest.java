package shop.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import shop.domain.Domain;
import shop.flow.OrderListener;
import shop.infra.Ports;
import shop.run.Shop;
import shop.run.ShopOptions;
import shop.testkit.Labs;
import shop.testkit.Scrape;
import shop.testkit.ShopHttp;

/** Lab 00: is this machine ready? The real shop starts on the embedded Kafka and Temporal, and takes your order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class MachineReadyTest {
    private Shop shop;

    @BeforeAll
    void startTheShop() {
        ShopOptions options = new ShopOptions(0, Ports.pickFree(), Ports.pickFree(), List.of(), Set.of(),
                Domain.DEFAULT_STOCK_PER_SKU, Map.of());
        shop = Shop.start(options, registry -> OrderListener.NONE, line -> {});
    }

    @AfterAll
    void stopTheShop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void a_theJdkIsRecentEnough() {
        assertThat(Runtime.version().feature()).as("Java version: install JDK 17 or newer").isGreaterThanOrEqualTo(17);
    }

    @Test
    void b_theShopIsUpOnTheEmbeddedStack() {
        assertThat(shop.infrastructure().kafkaBootstrapServers()).startsWith("127.0.0.1:");
        assertThat(new ShopHttp(shop.baseUrl()).get("/health").status()).isEqualTo(200);
    }

    @Test
    void c_todo1_theOrderJsonIsWhatTheShopExpects() {
        String json = FirstOrder.orderJson("ada", "MUG-1", 3);

        ShopHttp.Response response = new ShopHttp(shop.baseUrl()).post("/orders", json);
        assertThat(response.status()).as("TODO 1: POST /orders with your JSON %s answered %s", json, response.body())
                .isEqualTo(201);
        assertThat(response.body().get("totalCents").asLong()).as("TODO 1: 3 x MUG-1 at 8.99").isEqualTo(2697);
    }

    @Test
    void d_todo2_yourOrderIsPlacedAndCompletes() throws Exception {
        String id = FirstOrder.place(HttpClient.newHttpClient(), shop.baseUrl(), FirstOrder.orderJson("ada", "BOOK-1", 2));

        ShopHttp shopHttp = new ShopHttp(shop.baseUrl());
        assertThat(shopHttp.get("/orders/" + id).status()).as("TODO 2: GET /orders/%s (is that the id?)", id).isEqualTo(200);
        Labs.await("your order to complete").until(() ->
                shopHttp.get("/orders/" + id).body().get("status").asText().equals("COMPLETED"));
    }

    @Test
    void e_todo3_youCanReadTheMetricsPrometheusWillScrape() throws Exception {
        FirstOrder.place(HttpClient.newHttpClient(), shop.baseUrl(), FirstOrder.orderJson("ada", "TEE-1", 1));
        Scrape scrape = new ShopHttp(shop.baseUrl()).scrape();
        double expected = scrape.lines("http_server_requests_seconds_count", "uri=\"/orders\"").stream()
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();

        double yours = FirstOrder.metricValue(scrape.text(), "http_server_requests_seconds_count", "uri=\"/orders\"");

        assertThat(expected).as("requests to /orders so far").isPositive();
        assertThat(yours).as("TODO 3: the sum of http_server_requests_seconds_count{uri=\"/orders\"}").isEqualTo(expected);
    }

    /** Going further (not part of the check): a client may retry a POST that timed out, and still place one order. */
    @Test
    @Tag("stretch")
    void stretch_aRetryAfterATimeoutPlacesTheOrderOnce() throws Exception {
        ShopHttp shopHttp = new ShopHttp(shop.baseUrl());
        int ordersBefore = shopHttp.get("/orders").body().size();
        FirstAnswerLost http = new FirstAnswerLost();

        String id = FirstOrder.placeRetryingAfterTimeout(http, shop.baseUrl(), "grace", "BOOK-1", 1);

        assertThat(http.requestsSent()).as("stretch: the first POST timed out, so placeRetryingAfterTimeout sends it"
                + " once more").isEqualTo(2);
        assertThat(shopHttp.get("/orders").body().size() - ordersBefore).as("stretch: both POSTs reached the shop, and"
                + " it has one new order, not two: the retry carries the first one's \"id\"").isEqualTo(1);
        assertThat(shopHttp.get("/orders/" + id).status()).as("stretch: GET /orders/%s (is that the id?)", id)
                .isEqualTo(200);
    }
}
