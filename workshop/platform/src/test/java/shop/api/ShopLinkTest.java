package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Service;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.infra.Ports;
import shop.json.Json;
import shop.observe.Observability;

/**
 * A process split off the shop, linked to it over real HTTP: the shop's faults reach its domain, and its charges show
 * in the shop's ledger, even when it started before the shop.
 */
class ShopLinkTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30); // a report every 0.5 s, on a loaded machine
    private final HttpClient http = HttpClient.newHttpClient();
    private final Domain shopDomain = Domain.demo();
    private final DirectFlow flow = new DirectFlow(shopDomain, OrderListener.NONE);
    private final List<String> said = new CopyOnWriteArrayList<>();
    private ShopServer shop;
    private ShopLink payment;
    private ShopLink restarted;

    @AfterEach
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {payment, restarted, shop, flow}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void faultsSetOnTheShopReachTheProcessAndItIsListedWithItsMetrics() throws Exception {
        shop = ShopServer.start(shopDomain, Observability.newRegistry("test"), List.of(flow), 0);
        Domain paymentDomain = Domain.demo();
        payment = ShopLink.start(shop.baseUrl(), "choreography", "payment", "http://127.0.0.1:7071/metrics",
                paymentDomain, said::add);
        assertThat(said).as("the banner line").anyMatch(line -> line.contains("its faults apply here"));

        FaultSettings slowPayment = FaultSettings.none().withDeclineRate(1)
                .withService(Service.PAYMENT, new FaultSettings.ServiceFaults(false, 300, 0));
        assertThat(send("PUT", "/faults", Json.mapper().writeValueAsString(slowPayment)).statusCode()).isEqualTo(200);

        Awaitility.await("the process to run with the faults set on the shop").atMost(PATIENCE)
                .until(() -> paymentDomain.faults().settings().equals(slowPayment));
        Awaitility.await("GET /processes to say the process runs with the shop's faults").atMost(PATIENCE)
                .until(() -> process(1).path("faultsInSync").asBoolean());
        JsonNode listed = process(1);
        assertThat(listed.path("service").asText()).isEqualTo("payment");
        assertThat(listed.path("metricsUrl").asText()).isEqualTo("http://127.0.0.1:7071/metrics");
        assertThat(listed.path("alive").asBoolean()).isTrue();
        assertThat(process(0).path("metricsUrl").asText()).isEqualTo(shop.baseUrl() + "/metrics");
    }

    @Test
    void chargesMadeInSplitProcessesShowInTheShopsLedgerAndDoubleChargesAreNamed() throws Exception {
        shop = ShopServer.start(shopDomain, Observability.newRegistry("test"), List.of(flow), 0);
        Domain paymentDomain = Domain.demo();
        payment = ShopLink.start(shop.baseUrl(), "choreography", "payment", "http://127.0.0.1:7071/metrics",
                paymentDomain, said::add);
        int many = ProcessRoutes.MAX_ENTRIES_PER_REPORT * 2 + 50; // more than one report carries
        for (int i = 0; i < many; i++) {
            paymentDomain.payments().charge("o" + i + ":charge", "o" + i, "ada", 100);
        }
        paymentDomain.payments().refund("o1:refund", "o1");
        shopDomain.payments().charge("o2:charge-again", "o2", "ada", 100); // another key: the flow's double charge
        Domain restartedDomain = Domain.demo(); // a restart forgot the keys: the same key charges again
        restarted = ShopLink.start(shop.baseUrl(), "choreography", "payment", "http://127.0.0.1:7072/metrics",
                restartedDomain, said::add);
        restartedDomain.payments().charge("o3:charge", "o3", "ada", 100);

        Awaitility.await("every charge in the shop's ledger").atMost(PATIENCE)
                .until(() -> get("/ledger").path("charges").asLong() == many + 2);
        JsonNode ledger = get("/ledger");
        assertThat(ledger.path("ordersCharged").asLong()).isEqualTo(many);
        assertThat(ledger.path("refundedCents").asLong()).isEqualTo(100);
        assertThat(ledger.path("chargedTwice")).extracting(JsonNode::asText).containsExactly("o2");
        assertThat(ledger.path("chargedAgainUnderOneKey")).extracting(JsonNode::asText).containsExactly("o3");
        assertThat(ledger.path("processes")).hasSize(3);
        JsonNode o0 = get("/ledger/o0");
        assertThat(o0.path("charges").asLong()).isEqualTo(1);
        assertThat(o0.path("entries").get(0).path("process").asText()).startsWith("payment-");
    }

    @Test
    void aProcessStartedBeforeTheShopSaysSoAndKeepsTryingUntilTheShopAnswers() throws Exception {
        int port = Ports.pickFree();
        Domain paymentDomain = Domain.demo();
        paymentDomain.payments().charge("o1:charge", "o1", "ada", 100);
        payment = ShopLink.start("http://127.0.0.1:" + port, "orchestration", "worker", "http://127.0.0.1:7072/metrics",
                paymentDomain, said::add);
        assertThat(said).as("the banner line").singleElement().asString()
                .contains("not reached", "keeps its own faults", "--shop URL");

        shop = ShopServer.start(shopDomain, Observability.newRegistry("test"), List.of(flow), port);
        Awaitility.await("the process to reach the shop once it runs").atMost(PATIENCE)
                .until(() -> said.stream().anyMatch(line -> line.contains("reached again")));
        Awaitility.await("the charge made before the shop ran, in its ledger").atMost(PATIENCE)
                .until(() -> get("/ledger").path("charges").asLong() == 1);
    }

    @Test
    void aReportWithAGapAddsNothingAndTellsWhereToResume() throws Exception {
        shop = ShopServer.start(shopDomain, Observability.newRegistry("test"), List.of(flow), 0);
        String report = Json.mapper().writeValueAsString(Map.of("impl", "choreography", "service", "payment",
                "metricsUrl", "http://127.0.0.1:7071/metrics", "faults", FaultSettings.none(), "ledgerFrom", 5,
                "ledger", List.of(Map.of("kind", "charge", "key", "k", "orderId", "o1", "amountCents", 100))));

        HttpResponse<String> response = send("PUT", "/processes/payment-1", report);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body()).path("ledgerHeld").asInt()).isZero();
        assertThat(get("/ledger").path("charges").asLong()).isZero();
    }

    private JsonNode process(int index) throws Exception {
        return get("/processes").path("processes").path(index);
    }

    private JsonNode get(String path) throws Exception {
        return Json.mapper().readTree(send("GET", path, null).body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shop.baseUrl() + path))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
