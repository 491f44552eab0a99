package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.json.Json;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.observe.Observability;

/** Every kind of bad input gets a 4xx and a JSON body naming the field and the problem; never a 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopServerBadInputTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private Domain domain;
    private DirectFlow flow;
    private ShopServer server;

    @BeforeAll
    void start() {
        domain = Domain.demo();
        flow = new DirectFlow(domain, OrderListener.NONE);
        server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), 0);
    }

    @AfterAll
    void stop() {
        server.close();
        flow.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON              | {\"customer\": | 400 | ",
            "not an object               | [1,2]                                                      | 400 | ",
            "missing customer            | {\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}          | 400 | customer",
            "customer of the wrong type  | {\"customer\":5,\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | customer",
            "missing lines               | {\"customer\":\"ada\"}                                     | 400 | lines",
            "empty lines                 | {\"customer\":\"ada\",\"lines\":[]}                        | 400 | lines",
            "unknown SKU                 | {\"customer\":\"ada\",\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1}]} | 400 | lines[0].sku",
            "zero quantity               | {\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":0}]} | 400 | lines[0].quantity",
            "negative quantity           | {\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":-3}]} | 400 | lines[0].quantity",
            "fractional quantity         | {\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1.5}]} | 400 | lines[0].quantity",
            "quantity as a string        | {\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":\"2\"}]} | 400 | lines[0].quantity",
            "unknown flow                | {\"customer\":\"ada\",\"impl\":\"pigeon\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | impl",
            "bad order id                | {\"id\":\"a b\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | id",
            "empty order id              | {\"id\":\"\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | id",
            "null order id               | {\"id\":null,\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | id",
            "trailing garbage            | {\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} x | 400 | body",
            "a second JSON value         | {\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} {} | 400 | body",
            "a field twice               | {\"customer\":\"ada\",\"customer\":\"bob\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | customer",
            "unknown field               | {\"customer\":\"ada\",\"colour\":\"red\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | colour",
            "control character in SKU    | {\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\\n\",\"quantity\":1}]} | 400 | lines[0].sku",
            "control character, customer | {\"customer\":\"\\u0000ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | customer",
            "line separator in customer  | {\"customer\":\"ada\\u2028\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | customer",
            "blank customer              | {\"customer\":\"  \",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]} | 400 | customer",
            "huge quantity               | {\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":123456789012345678901234567890}]} | 400 | lines[0].quantity",
    })
    void badOrdersAreRefusedWithTheFieldNamed(String name, String body, int status, String field) throws Exception {
        HttpResponse<String> response = send("POST", "/orders", body);

        assertThat(response.statusCode()).as(name).isEqualTo(status);
        JsonNode json = Json.mapper().readTree(response.body());
        assertThat(json.get("error").asText()).as(name).isNotBlank();
        if (field != null) {
            assertThat(json.get("field").asText()).as(name).isEqualTo(field);
            assertThat(json.get("error").asText()).as(name).startsWith(field + ":");
        }
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String huge = "{\"customer\":\"" + "x".repeat((int) ShopServer.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> response = send("POST", "/orders", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("body too large");
    }

    @Test
    void anUnknownOrderIs404WithJson() throws Exception {
        HttpResponse<String> response = send("GET", "/orders/does-not-exist", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(response.body()).get("field").asText()).isEqualTo("id");
    }

    @Test
    void anUnknownRouteIs404WithJson() throws Exception {
        HttpResponse<String> response = send("GET", "/nothing-here", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(response.body()).get("error").asText()).contains("/nothing-here");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rate above 1       | {\"declineRate\": 1.5}                                 | declineRate",
            "negative rate      | {\"carrierUnavailableRate\": -0.1}                     | carrierUnavailableRate",
            "negative latency   | {\"services\": {\"PAYMENT\": {\"latencyMs\": -5}}}      | services.PAYMENT.latencyMs",
            "lower-case key     | {\"services\": {\"payment\": {\"latencyMs\": -5}}}      | services.PAYMENT.latencyMs",
            "unknown service    | {\"services\": {\"BILLING\": {\"latencyMs\": 5}}}       | services.BILLING",
            "unknown field      | {\"declineRatio\": 0.5}                                | declineRatio",
            "wrong type         | {\"declineRate\": \"high\"}                            | declineRate",
            "rate as a string   | {\"declineRate\": \"0.5\"}                             | declineRate",
            "rate as null       | {\"declineRate\": null}                                | declineRate",
            "1 for a boolean    | {\"services\": {\"SHIPPING\": {\"down\": 1}}}           | services.SHIPPING.down",
            "1.5 for a rate     | {\"services\": {\"SHIPPING\": {\"transientErrorRate\": 1.5}}} | services.SHIPPING.transientErrorRate",
            "1.5 for latency    | {\"services\": {\"SHIPPING\": {\"latencyMs\": 1.5}}}    | services.SHIPPING.latencyMs",
            "a service as null  | {\"services\": {\"SHIPPING\": null}}                   | services.SHIPPING",
            "unknown SKU        | {\"outOfStock\": [\"MUG-1\", \"NOPE\"]}                  | outOfStock[1]",
            "a key twice        | {\"services\": {\"PAYMENT\": {}, \"payment\": {}}}       | services.PAYMENT",
            "trailing garbage   | {\"declineRate\": 0.5} }                             | body",
    })
    void invalidFaultsAre400AndTheOldSettingsStay(String name, String body, String field) throws Exception {
        send("PUT", "/faults", "{\"declineRate\": 0.25}");

        HttpResponse<String> response = send("PUT", "/faults", body);

        assertThat(response.statusCode()).as(name).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body()).get("field").asText()).as(name + ": " + response.body())
                .isEqualTo(field);
        assertThat(domain.faults().settings().declineRate()).as("old settings stay").isEqualTo(0.25);
        send("PUT", "/faults", "{}");
    }

    @Test
    void theSameOrderIdTwiceIsOneOrder() throws Exception {
        String body = "{\"id\":\"twice-1\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}";

        assertThat(send("POST", "/orders", body).statusCode()).isEqualTo(201);
        HttpResponse<String> again = send("POST", "/orders", body);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
