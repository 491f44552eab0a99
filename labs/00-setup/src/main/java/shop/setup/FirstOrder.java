package shop.setup;

import java.io.IOException;
import java.net.http.HttpClient;
import shop.lab.Todo;

/** What you did with curl in steps C to E, done from Java. */
public final class FirstOrder {
    private FirstOrder() {}

    /** The body of POST /orders for {@code quantity} x {@code sku}, ordered by {@code customer}. */
    public static String orderJson(String customer, String sku, int quantity) {
        // TODO 1: the same JSON you sent with curl in step C
        throw new Todo(1, "build the order JSON in FirstOrder.orderJson");
        // end TODO 1
    }

    /** Sends the order to the shop and returns the id from the 201 response, e.g. {"id":"...","status":"PENDING"}. */
    public static String place(HttpClient http, String baseUrl, String orderJson) throws IOException, InterruptedException {
        // TODO 2: POST orderJson to baseUrl + "/orders" (Content-Type: application/json); fail unless 201; return the id
        throw new Todo(2, "POST the order in FirstOrder.place");
        // end TODO 2
    }

    /**
     * Adds up every sample of {@code series} in a Prometheus scrape whose labels contain {@code labelFilter},
     * e.g. series "http_server_requests_seconds_count" and filter {@code uri="/orders"}.
     */
    public static double metricValue(String scrape, String series, String labelFilter) {
        // TODO 3: a sample line looks like: series{label="value",...} 42.0 ; lines starting with # are comments
        throw new Todo(3, "read a value from the scrape in FirstOrder.metricValue");
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
