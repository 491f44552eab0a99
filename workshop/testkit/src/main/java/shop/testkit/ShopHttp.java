package shop.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import shop.json.Json;
import shop.lab.Todo;

/** Talks to a running shop over real HTTP, the way curl in the lab READMEs does. */
public record ShopHttp(String baseUrl) {
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = Json.mapper();

    public record Response(int status, JsonNode body) {}

    /** Places an order for {@code quantity} x {@code sku} and returns its id; fails unless the shop says 201. */
    public String placeOrder(String customer, String sku, int quantity) {
        Response response = post("/orders", "{\"customer\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":" + quantity + "}]}");
        if (response.status() != 201) {
            throw new AssertionError("POST /orders answered " + response.status() + ": " + response.body());
        }
        return response.body().get("id").asText();
    }

    /**
     * Books a trip (lab 11) from Amsterdam to Lisbon, with a room at LIS-CENTRO and this car, in this style; the
     * shop's answer. {@code shop.travel.TravelCatalogue.SOLD_OUT_CAR} has the trip rejected after a compensation.
     */
    public Response bookTrip(String id, String impl, String car) {
        return post("/trips", "{\"id\":\"" + id + "\",\"impl\":\"" + impl + "\",\"traveller\":\"ada\","
                + "\"route\":\"AMS-LIS\",\"hotel\":\"LIS-CENTRO\",\"car\":\"" + car + "\"}");
    }

    /** The trip's view once it is CONFIRMED or REJECTED; fails after the timeout. */
    public JsonNode awaitTripFinal(String id, java.time.Duration timeout) {
        org.awaitility.Awaitility.await(id + " to be CONFIRMED or REJECTED").atMost(timeout)
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> !get("/trips/" + id).body().path("status").asText().equals("PENDING"));
        return get("/trips/" + id).body();
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    public Scrape scrape() {
        return Scrape.of(baseUrl + "/metrics");
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Todo.rethrowIfReached();
            String body = response.body();
            return new Response(response.statusCode(), body.isBlank() ? null : json.readTree(body));
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
