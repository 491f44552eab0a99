package shop.setup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What you did with curl in steps C to E, done from Java. */
public final class FirstOrder {
    private FirstOrder() {}

    /** The body of POST /orders for {@code quantity} x {@code sku}, ordered by {@code customer}. */
    public static String orderJson(String customer, String sku, int quantity) {
        // TODO 1: the same JSON you sent with curl in step C
        return "{\"customer\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
        // end TODO 1
    }

    /** Sends the order to the shop and returns the id from the 201 response, e.g. {"id":"...","status":"PENDING"}. */
    public static String place(HttpClient http, String baseUrl, String orderJson) throws IOException, InterruptedException {
        // TODO 2: POST orderJson to baseUrl + "/orders" (Content-Type: application/json); fail unless 201; return the id
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(orderJson))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("expected 201 from POST /orders, got " + response.statusCode() + ": " + response.body());
        }
        return response.body().replaceFirst(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        // end TODO 2
    }

    /**
     * Adds up every sample of {@code series} in a Prometheus scrape whose labels contain {@code labelFilter},
     * e.g. series "http_server_requests_seconds_count" and filter {@code uri="/orders"}.
     */
    public static double metricValue(String scrape, String series, String labelFilter) {
        // TODO 3: a sample line looks like: series{label="value",...} 42.0 ; lines starting with # are comments
        return scrape.lines()
                .filter(line -> line.startsWith(series + "{") || line.startsWith(series + " "))
                .filter(line -> line.contains(labelFilter))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        // end TODO 3
    }

    /**
     * Going further: places the order so that sending it again after a timeout never places it twice (a POST whose
     * answer never came back may still have reached the shop), and returns its id.
     */
    public static String placeRetryingAfterTimeout(HttpClient http, String baseUrl, String customer, String sku,
                                                   int quantity) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stretch: place the order under an id of your own, and send the same"
                + " body again when the answer times out (lab 00's Going further)");
    }
}
