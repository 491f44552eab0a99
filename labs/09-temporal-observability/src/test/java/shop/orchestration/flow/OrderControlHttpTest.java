package shop.orchestration.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Service;
import shop.flow.DirectFlowFactory;
import shop.testkit.Labs;
import shop.testkit.ShopHttp;

/**
 * Lab 08's query and signal over the shop's HTTP API, on a real Temporal server: {@code GET /orders/{id}/progress}
 * asks the workflow, {@code POST /orders/{id}/cancel} signals it, and every refusal is a 4xx naming what is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderControlHttpTest {
    private OrchestrationShop shop;
    private Domain domain;
    private ShopHttp http;

    @BeforeAll
    void startShop() {
        shop = new OrchestrationShop("order-control", new DirectFlowFactory());
        domain = shop.domain;
        http = shop.http;
    }

    @AfterAll
    void stopShop() {
        if (shop != null) {
            shop.close();
        }
    }

    @BeforeEach
    void noFaults() {
        domain.faults().reset();
    }

    @Test
    void aCancelDuringTheChargeUndoesTheChargeAndTheQueryTellsWhy() {
        domain.faults().apply(FaultSettings.none().withService(Service.PAYMENT, new FaultSettings.ServiceFaults(false, 2000, 0)));
        String id = http.placeOrder("cy", "BOOK-1", 1);
        Labs.await("order " + id + " at its charge").until(() ->
                "charge".equals(http.get("/orders/" + id).body().path("currentStep").asText()));

        ShopHttp.Response cancelled = http.post("/orders/" + id + "/cancel", "{\"reason\":\"changed my mind\"}");

        assertThat(cancelled.status()).as("POST cancel while the order runs; body " + cancelled.body()).isEqualTo(202);
        JsonNode order = awaitFinal(id);
        assertThat(order.get("status").asText() + " " + order.get("reason").asText() + " compensated="
                + order.get("compensated").asBoolean()).isEqualTo("REJECTED changed my mind compensated=true");
        assertThat(order.get("timeline").findValuesAsText("step")).as("the timeline: the charge, then its undo")
                .containsExactly("charge", "refund");
        ShopHttp.Response progress = http.get("/orders/" + id + "/progress");
        assertThat(progress.status()).as("GET progress; body " + progress.body()).isEqualTo(200);
        assertThat(progress.body().get("status").asText()).isEqualTo("REJECTED");
        assertThat(progress.body().get("reason").asText()).isEqualTo("changed my mind");
        assertThat(progress.body().get("currentStep").isNull()).as("an order that ended is at no step").isTrue();
    }

    @Test
    void aCancelSentWhileNoWorkerRunsWaitsInTheServerAndTheDefaultReasonIsTheCustomers() throws Exception {
        shop.stopWorker();
        try {
            String id = http.placeOrder("di", "MUG-1", 1);
            long asked = System.nanoTime();
            ShopHttp.Response unanswered = http.get("/orders/" + id + "/progress");
            assertThat(unanswered.status()).as("GET progress with no worker; body " + unanswered.body()).isEqualTo(503);
            assertThat(unanswered.body().get("error").asText()).contains("no worker answered the query");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("how long the query waited for a worker")
                    .isLessThan(WorkflowControl.QUERY_PATIENCE.multipliedBy(3));

            ShopHttp.Response cancelled = http.post("/orders/" + id + "/cancel", "{}");

            assertThat(cancelled.status()).as("POST cancel with no worker; body " + cancelled.body()).isEqualTo(202);
            assertThat(http.get("/orders/" + id).body().get("status").asText()).as("stored, not yet acted on")
                    .isEqualTo("PENDING");
            shop.startWorker();
            assertThat(awaitFinal(id).get("reason").asText()).isEqualTo("customer-cancelled");
        } finally {
            shop.restartWorker();
        }
    }

    @Test
    void anOrderThatEndedCannotBeCancelledAndItsProgressSaysHowItEnded() {
        String id = http.placeOrder("ed", "TEE-1", 1);
        awaitFinal(id);

        ShopHttp.Response cancelled = http.post("/orders/" + id + "/cancel", "{}");
        ShopHttp.Response progress = http.get("/orders/" + id + "/progress");

        assertRefused(cancelled, 409, "id", "has already ended (COMPLETED)");
        assertThat(progress.body().get("status").asText()).as("GET progress; body " + progress.body()).isEqualTo("COMPLETED");
    }

    @Test
    void anUnknownOrderAnOrderOfAnotherFlowAndABadBodyAreRefusedByName() throws Exception {
        String direct = http.post("/orders", "{\"impl\":\"direct\",\"customer\":\"fi\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}")
                .body().get("id").asText();
        String running = http.placeOrder("gu", "MUG-1", 1);

        assertRefused(http.get("/orders/nobody/progress"), 404, "id", "no order \"nobody\"");
        assertRefused(http.post("/orders/nobody/cancel", "{}"), 404, "id", "no order \"nobody\"");
        assertRefused(http.get("/orders/" + direct + "/progress"), 409, "id", "the direct flow, which has no query or signal");
        assertRefused(http.post("/orders/" + direct + "/cancel", "{}"), 409, "id", "[orchestration]");
        assertRefused(http.post("/orders/" + running + "/cancel", "{\"reason\":\"<script>\"}"), 400, "reason", "1 to 64 letters");
        assertRefused(http.post("/orders/" + running + "/cancel", "{\"why\":\"x\"}"), 400, "why", "the only field is reason");
        assertRefused(http.post("/orders/" + running + "/cancel", "[]"), 400, "body", "an object");
        HttpResponse<String> plainText = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(shop.baseUrl() + "/orders/" + running + "/cancel"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plainText.statusCode()).as("a cancel sent as text/plain (a form on another site could send it)")
                .isEqualTo(415);
    }

    private static void assertRefused(ShopHttp.Response response, int status, String field, String saying) {
        assertThat(response.status()).as("status; body " + response.body()).isEqualTo(status);
        assertThat(response.body().get("field").asText()).as("field; body " + response.body()).isEqualTo(field);
        assertThat(response.body().get("error").asText()).contains(saying).doesNotContain("Exception", "io.temporal");
    }

    private JsonNode awaitFinal(String id) {
        JsonNode[] found = new JsonNode[1];
        Labs.await("order " + id + " to be COMPLETED or REJECTED").until(() -> {
            ShopHttp.Response response = http.get("/orders/" + id);
            found[0] = response.body();
            return response.status() == 200 && !"PENDING".equals(response.body().get("status").asText());
        });
        return found[0];
    }
}
