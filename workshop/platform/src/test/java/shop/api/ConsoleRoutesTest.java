package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.console.ConsoleCharts;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.json.Json;
import shop.observe.MeterNames;
import shop.observe.Observability;

/**
 * The console's page and JSON, over real HTTP: a direct flow beside a stub flow that offers what the console can
 * show (records, history, stop and start), as the Kafka and Temporal flows will once they implement it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private PrometheusMeterRegistry registry;
    private DirectFlow direct;
    private ShopServer server;

    @BeforeAll
    void start() {
        Domain domain = Domain.demo();
        registry = Observability.newRegistry("test");
        direct = new DirectFlow(domain, OrderListener.NONE);
        server = ShopServer.start(domain, registry, List.of(direct, new ConsoleStubFlow("stub")), 0);
    }

    @AfterAll
    void stop() {
        server.close();
        direct.close();
    }

    @Test
    void theRootServesThePageWithAPolicyThatKeepsItToItsOwnFilesAndUnframed() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Shop console</title>").contains("/console/assets/console.js")
                .doesNotContain("http://").doesNotContain("https://"); // no CDN: it works offline
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                        "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theAssetsComeFromTheClasspathWithTheirTypesAndAnUnknownOneIsAJson404() throws Exception {
        assertThat(get("/console/assets/console.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/console/assets/console.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        HttpResponse<String> chartLibrary = get("/console/assets/uplot.js");
        assertThat(chartLibrary.statusCode()).isEqualTo(200);
        assertThat(chartLibrary.body()).as("uPlot from its webjar").contains("uPlot");
        assertThat(get("/console/assets/uplot.css").statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = get("/console/assets/..%2Fpom.xml");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("no console asset");
    }

    @Test
    void theSetupNamesTheFlowsTheSkusAndEveryChartWithItsPromQl() throws Exception {
        JsonNode setup = json(get("/console/setup"));

        assertThat(setup.get("flows").toString()).isEqualTo("[\"direct\",\"stub\"]");
        assertThat(setup.get("skus").findValuesAsText("sku")).containsExactly("BOOK-1", "DESK-1", "LAMP-1", "MUG-1", "TEE-1");
        assertThat(setup.get("charts").findValuesAsText("id"))
                .containsExactlyElementsOf(ConsoleCharts.ALL.stream().map(ConsoleCharts.Chart::id).toList());
        assertThat(setup.get("charts").get(0).get("promql").asText()).contains("shop_orders_placed_total");
        assertThat(setup.get("basketSeparator").asText()).isEqualTo(".");
    }

    @Test
    void aJourneyShowsTheBasketInEveryFlowWithRecordsAndHistoryWhereTheFlowOffersThem() throws Exception {
        String basket = "b-journey";
        assertThat(post("/orders", order(basket + ".direct", "direct")).statusCode()).isEqualTo(201);
        assertThat(post("/orders", order(basket + ".stub", "stub")).statusCode()).isEqualTo(201);

        JsonNode journey = json(get("/console/journey/" + basket + ".stub"));

        assertThat(journey.get("basket").asText()).isEqualTo(basket);
        JsonNode orders = journey.get("orders");
        assertThat(orders.findValuesAsText("impl")).containsExactly("direct", "stub");
        JsonNode stub = orders.get(1);
        assertThat(stub.get("order").get("timeline").findValuesAsText("step")).containsExactly("charge", "reserve", "refund");
        assertThat(stub.get("records").get(0).get("partition").asInt()).isEqualTo(3);
        assertThat(stub.get("records").get(0).get("offset").asLong()).isEqualTo(41);
        assertThat(stub.get("records").get(0).get("headers").get("traceparent").asText()).isEqualTo(ConsoleStubFlow.TRACEPARENT);
        assertThat(stub.get("history").findValuesAsText("type")).contains("ACTIVITY_TASK_SCHEDULED");
        JsonNode plain = orders.get(0);
        assertThat(plain.get("records").isNull()).as("the direct flow has no records: null, not []").isTrue();
        assertThat(plain.get("history").isNull()).isTrue();
    }

    @Test
    void anOrderOutsideABasketIsAJourneyOfItsOwnAndAnUnknownIdIsA404() throws Exception {
        assertThat(post("/orders", order("plain-order", "direct")).statusCode()).isEqualTo(201);

        JsonNode alone = json(get("/console/journey/plain-order"));
        assertThat(alone.get("basket").isNull()).isTrue();
        assertThat(alone.get("orders").findValuesAsText("id")).containsExactly("plain-order");

        HttpResponse<String> unknown = get("/console/journey/no-such-order.direct");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("field").asText()).isEqualTo("id");
    }

    @Test
    void theMetersAreSeriesPerChartAndPerFlowReadFromTheRegistry() throws Exception {
        Counter.builder(MeterNames.ORDERS_PLACED).tag(MeterNames.TAG_IMPL, "direct").register(registry).increment(3);

        JsonNode meters = json(get("/console/meters"));

        assertThat(meters.get("at")).isNotEmpty();
        assertThat(meters.get("windowSeconds").asInt()).isEqualTo(10);
        List<String> charts = new ArrayList<>();
        meters.get("series").fieldNames().forEachRemaining(charts::add);
        assertThat(charts).containsExactlyElementsOf(ConsoleCharts.ALL.stream().map(ConsoleCharts.Chart::id).toList());
        assertThat(meters.get("series").get("placed").has("direct")).isTrue();
        assertThat(meters.get("series").get("placed").get("direct")).hasSize(meters.get("at").size());
    }

    @Test
    void aFlowThatOffersItCanHaveAServiceStoppedAndStartedAgain() throws Exception {
        JsonNode before = json(get("/console/services"));
        assertThat(before.findValuesAsText("flow")).containsExactly("direct", "stub");
        assertThat(before.get(0).get("stoppable").asBoolean()).isFalse();
        assertThat(before.get(1).get("services").toString()).contains("{\"service\":\"payment\",\"running\":true}");

        HttpResponse<String> stopped = put("/console/services/stub/payment", "{\"running\":false}");
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).contains("{\"service\":\"payment\",\"running\":false}")
                .contains("{\"service\":\"worker\",\"running\":true}");

        HttpResponse<String> started = put("/console/services/stub/payment", "{\"running\":true}");
        assertThat(started.body()).contains("{\"service\":\"payment\",\"running\":true}");
    }

    @Test
    void stoppingIsRefusedWithTheFieldAtFault() throws Exception {
        assertRefused(put("/console/services/nope/payment", "{\"running\":false}"), 404, "flow");
        assertRefused(put("/console/services/direct/payment", "{\"running\":false}"), 409, "flow");
        assertRefused(put("/console/services/stub/shipping", "{\"running\":false}"), 404, "service");
        assertRefused(put("/console/services/stub/payment", "{}"), 400, "running");
        assertRefused(put("/console/services/stub/payment", "{\"running\":\"no\"}"), 400, "running");
        assertRefused(put("/console/services/stub/payment", "{\"running\":false,\"why\":1}"), 400, "why");
        assertRefused(put("/console/services/stub/payment", "not json"), 400, "body");
    }

    @Test
    void stoppingPassesTheCrossSiteGuardLikeEveryRequestThatChangesState() throws Exception {
        HttpResponse<String> plainText = send(HttpRequest.newBuilder(uri("/console/services/stub/payment"))
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("{\"running\":false}")));
        assertRefused(plainText, 415, "Content-Type");

        HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(uri("/console/services/stub/payment"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"running\":false}")));
        assertRefused(elsewhere, 403, "Origin");

        HttpResponse<String> ownPage = send(HttpRequest.newBuilder(uri("/console/services/stub/worker"))
                .header("Content-Type", "application/json").header("Origin", "http://127.0.0.1:" + server.port())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"running\":true}")));
        assertThat(ownPage.statusCode()).as("the console's own page, " + ownPage.body()).isEqualTo(200);
    }

    private void assertRefused(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("error").asText()).doesNotContain("Exception").doesNotContain("java.");
    }

    private static String order(String id, String impl) {
        return "{\"id\":\"" + id + "\",\"impl\":\"" + impl + "\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}";
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }
}
