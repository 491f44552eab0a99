package shop.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import shop.json.Json;

/**
 * One order's entry in the console's journey ({@code GET /console/journey/ID}): its view, and its Kafka records or
 * workflow history. Every way this can go wrong (no shop, an unknown id, another program on the port) is one line
 * for the user, thrown as an {@link IllegalArgumentException} (exit code 2).
 */
final class OrderTrail {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OrderTrail() {}

    /** The order's journey entry: {@code {"order": {...}, "records": [...] or null, "history": [...] or null}}. */
    static JsonNode of(String baseUrl, String orderId) throws InterruptedException {
        if (!ID.matcher(orderId).matches()) {
            throw new IllegalArgumentException("\"" + orderId + "\" is not an order id (1 to 64 of A-Z a-z 0-9 . _ -)");
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/console/journey/"
                            + URLEncoder.encode(orderId, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalArgumentException("no shop answers at " + baseUrl + " (start one with ./shop run, or "
                    + "pass --url or --port)");
        }
        JsonNode body = json(response, baseUrl);
        if (response.statusCode() == 404) {
            throw new IllegalArgumentException("no order \"" + orderId + "\" in the shop at " + baseUrl);
        }
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException("the shop at " + baseUrl + " answered " + response.statusCode() + ": "
                    + body.path("error").asText("(no reason given)"));
        }
        for (JsonNode entry : body.path("orders")) {
            if (orderId.equals(entry.path("order").path("id").asText())) {
                return entry;
            }
        }
        throw new IllegalArgumentException("the shop at " + baseUrl + " knows order \"" + orderId + "\" but could "
                + "not read it now; its log says why");
    }

    private static JsonNode json(HttpResponse<String> response, String baseUrl) {
        try {
            JsonNode body = Json.mapper().readTree(response.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException notJson) {
            // below
        }
        throw new IllegalArgumentException("something answers at " + baseUrl + ", but not a shop with a console "
                + "(HTTP " + response.statusCode() + ")");
    }

    /**
     * The entry's list under {@code field} ("records" or "history"); if the order's flow keeps none, a one-line error
     * that says so, and which command shows what the flow does keep.
     */
    static JsonNode require(JsonNode entry, String field, String lacking) {
        JsonNode list = entry.path(field);
        if (list.isArray()) {
            return list;
        }
        String id = entry.path("order").path("id").asText();
        String other = entry.path("records").isArray() ? "; ./shop events " + id + " prints its Kafka records"
                : entry.path("history").isArray() ? "; ./shop history " + id + " prints its workflow history" : "";
        throw new IllegalArgumentException("order \"" + id + "\" is in the " + entry.path("order").path("impl").asText()
                + " flow, which " + lacking + other);
    }

    /** "Order b-1.orchestration, orchestration flow, COMPLETED" */
    static String headline(JsonNode order) {
        String reason = order.path("reason").asText("");
        return "Order " + order.path("id").asText() + ", " + order.path("impl").asText() + " flow, "
                + order.path("status").asText() + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
