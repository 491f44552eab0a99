package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.json.Json;
import shop.observe.Observability;

/** One order cannot take a product's whole stock: at most 20 lines and 100 units per SKU, repeated SKUs merged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderLimitsTest {
    private DirectFlow flow;
    private ShopServer server;
    private RawHttp http;

    @BeforeAll
    void start() {
        Domain domain = Domain.demo();
        flow = new DirectFlow(domain, OrderListener.NONE);
        server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), 0);
        http = new RawHttp(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
        flow.close();
    }

    @Test
    void theLimitsThemselvesAreAccepted() throws Exception {
        assertThat(place(line("DESK-1", 100)).status()).isEqualTo(201);
        assertThat(place(lines(20, "MUG-1", 5)).status()).isEqualTo(201);
    }

    @Test
    void moreThan100UnitsOnALineIsRefusedNamingTheLimitAndTheLine() throws Exception {
        JsonNode error = error(place(line("DESK-1", 101)));

        assertThat(error.get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(error.get("error").asText()).contains("from 1 to 100").contains("101");
    }

    @Test
    void moreThan20LinesIsRefusedNamingTheLimit() throws Exception {
        JsonNode error = error(place(lines(21, "MUG-1", 1)));

        assertThat(error.get("field").asText()).isEqualTo("lines");
        assertThat(error.get("error").asText()).contains("at most 20 lines").contains("21");
    }

    @Test
    void linesOfTheSameSkuAreMergedAndTheirSumIsCapped() throws Exception {
        RawHttp.Reply merged = place(lines(2, "BOOK-1", 50));
        assertThat(merged.status()).isEqualTo(201);
        assertThat(Json.mapper().readTree(merged.body()).get("totalCents").asLong()).isEqualTo(100 * 1_299);

        JsonNode error = error(place(lines(3, "BOOK-1", 50)));
        assertThat(error.get("field").asText()).isEqualTo("lines");
        assertThat(error.get("error").asText()).contains("BOOK-1").contains("150").contains("at most 100");
    }

    private RawHttp.Reply place(String lines) throws Exception {
        return http.send(http.post("POST", "/orders", "application/json", "{\"customer\":\"ada\",\"lines\":" + lines + "}"));
    }

    private static JsonNode error(RawHttp.Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return Json.mapper().readTree(reply.body());
    }

    private static String line(String sku, int quantity) {
        return lines(1, sku, quantity);
    }

    private static String lines(int count, String sku, int quantity) {
        return IntStream.range(0, count).mapToObj(i -> "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
