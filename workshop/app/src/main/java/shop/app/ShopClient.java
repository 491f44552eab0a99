package shop.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import shop.json.Json;

/** The CLI's HTTP client for a running shop. */
final class ShopClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = Json.mapper();
    private final String baseUrl;

    ShopClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the new order's id */
    String placeOrder(String customer, String sku, int quantity, String impl) throws IOException {
        try {
            return placeOrderAsync(customer, sku, quantity, impl).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    java.util.concurrent.CompletableFuture<String> placeOrderAsync(String customer, String sku, int quantity, String impl) {
        String body;
        try {
            body = json.writeValueAsString(java.util.Map.of("customer", customer, "impl", impl,
                    "lines", java.util.List.of(java.util.Map.of("sku", sku, "quantity", quantity))));
        } catch (IOException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/orders"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": " + response.body());
                    }
                    try {
                        return json.readTree(response.body()).get("id").asText();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    /** The flows the shop runs, from GET /health; a clear error if nothing answers. */
    java.util.List<String> flows() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            java.util.List<String> flows = new java.util.ArrayList<>();
            json.readTree(response.body()).path("flows").forEach(flow -> flows.add(flow.asText()));
            return flows;
        } catch (IOException e) {
            throw new IllegalArgumentException("no shop answers at " + baseUrl + " (start one with ./shop run, or pass --url)");
        }
    }

    /**
     * A GET is safe to repeat, so a connection the shop closed while idle (the JDK client then reads "no bytes"
     * from a pooled connection) is retried on a new one, twice, before it counts as an error.
     */
    JsonNode order(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/orders/" + id)).GET().build();
        for (int attempt = 1; ; attempt++) {
            try {
                return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
                Thread.sleep(100L * attempt);
            }
        }
    }

    private static boolean isFinal(JsonNode order) {
        String status = order.path("status").asText();
        return status.equals("COMPLETED") || status.equals("REJECTED");
    }

    /** Polls until the order is final or the timeout passes; returns its last view. */
    JsonNode awaitFinal(String id, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode order = order(id);
        while (!isFinal(order) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            order = order(id);
        }
        return order;
    }
}
