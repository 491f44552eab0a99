package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.flow.OrderListener;
import shop.json.Json;
import shop.run.ServiceProcess;
import shop.run.Shop;
import shop.run.ShopOptions;

/**
 * The shop with its choreography payment service and its orchestration worker split off (--skip-service
 * payment,worker), and those two started as {@link ServiceProcess}es with their own domains, all talking over real
 * HTTP, Kafka and Temporal: faults set on the shop reach them, and their charges show in the shop's ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SplitServicesStayInReachTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60); // a loaded 2-core machine
    private final HttpClient http = HttpClient.newHttpClient();
    private Shop shop;
    private ServiceProcess payment;
    private ServiceProcess worker;
    private ShopClient client;

    @BeforeAll
    void start() {
        ShopOptions options = WholeShop.leaving(List.of("choreography", "orchestration"), Set.of("payment", "worker"));
        shop = Shop.start(options, registry -> OrderListener.NONE, line -> {});
        ShopOptions split = WholeShop.serviceBeside(options);
        payment = ServiceProcess.start("choreography", "payment", split, shop.baseUrl(), registry -> OrderListener.NONE,
                line -> {});
        worker = ServiceProcess.start("orchestration", "worker", split, shop.baseUrl(), registry -> OrderListener.NONE,
                line -> {});
        client = new ShopClient(shop.baseUrl());
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {worker, payment}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void anOrchestrationOrderIsRejectedByASplitWorkerWhenTheShopDeclinesEveryCard() throws Exception {
        setFaults("{\"declineRate\": 1}");

        JsonNode order = client.awaitFinal(client.placeOrder("ada", "BOOK-1", 1, "orchestration"), PATIENCE);

        assertThat(order.path("status").asText()).as("an order on the split worker, with declineRate 1 set on the shop")
                .isEqualTo("REJECTED");
        assertThat(order.path("reason").asText()).isEqualTo("card-declined");
    }

    @Test
    void aSplitChoreographyPaymentServiceIsSlowedByTheShopsLatencyFault() throws Exception {
        setFaults("{\"services\": {\"PAYMENT\": {\"latencyMs\": 1500}}}");

        JsonNode order = client.awaitFinal(client.placeOrder("ada", "BOOK-1", 1, "choreography"), PATIENCE);

        assertThat(order.path("status").asText()).isEqualTo("COMPLETED");
        JsonNode charge = step(order, "payment", "charge");
        Duration took = Duration.between(Instant.parse(charge.path("startedAt").asText()),
                Instant.parse(charge.path("finishedAt").asText()));
        assertThat(took).as("the charge in the split payment service, with latencyMs 1500 set on the shop")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theChargesOfASplitPaymentServiceShowInTheShopsLedgerOncePerOrder() throws Exception {
        setFaults("{}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.placeOrder("ada", "BOOK-1", 1 + i, "choreography"));
        }
        for (String id : ids) {
            assertThat(client.awaitFinal(id, PATIENCE).path("status").asText()).isEqualTo("COMPLETED");
        }

        for (String id : ids) {
            Awaitility.await("order " + id + "'s charge in the shop's ledger").atMost(PATIENCE)
                    .until(() -> get("/ledger/" + id).path("charges").asInt() > 0);
            JsonNode charges = get("/ledger/" + id);
            assertThat(charges.path("charges").asInt()).as(id + " charged once").isEqualTo(1);
            assertThat(charges.path("entries").get(0).path("process").asText()).as("charged by the split process")
                    .startsWith("payment-");
        }
        JsonNode ledger = get("/ledger");
        assertThat(ledger.path("chargedTwiceCount").asInt()).isZero();
        assertThat(ledger.path("chargedAgainUnderOneKeyCount").asInt()).isZero();
        assertThat(get("/processes").path("processes")).extracting(process -> process.path("service").asText())
                .containsExactly("shop", "payment", "worker");
    }

    /** Sets the faults on the shop and waits until both split processes report running with them. */
    private void setFaults(String faults) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(shop.baseUrl() + "/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(faults)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Awaitility.await("both split processes running with the shop's faults " + faults).atMost(PATIENCE)
                .until(() -> {
                    JsonNode processes = get("/processes").path("processes");
                    return processes.size() == 3 && processes.findValues("faultsInSync").stream().allMatch(JsonNode::asBoolean);
                });
    }

    private static JsonNode step(JsonNode order, String service, String step) {
        for (JsonNode entry : order.path("timeline")) {
            if (entry.path("service").asText().equals(service) && entry.path("step").asText().equals(step)) {
                return entry;
            }
        }
        throw new AssertionError("no " + service + " " + step + " step in " + order);
    }

    private JsonNode get(String path) throws Exception {
        return Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(shop.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
