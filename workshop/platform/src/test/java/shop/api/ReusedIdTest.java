package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

/** An order id works like an idempotency key: the same body again is the same order, another body is a conflict. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReusedIdTest {
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
    void theSameBodyAgainIs200AndOneOrder() throws Exception {
        String body = order("same-1", "ada", "[{\"sku\":\"BOOK-1\",\"quantity\":1},{\"sku\":\"MUG-1\",\"quantity\":2}]");
        String sameLinesReordered = order("same-1", "ada", "[{\"sku\":\"MUG-1\",\"quantity\":2},{\"sku\":\"BOOK-1\",\"quantity\":1}]");

        assertThat(place(body).status()).isEqualTo(201);
        RawHttp.Reply again = place(sameLinesReordered);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");
    }

    @Test
    void anotherBodyUnderAUsedIdIs409NamingTheConflict() throws Exception {
        assertThat(place(order("reused-1", "ada", "[{\"sku\":\"BOOK-1\",\"quantity\":1}]")).status()).isEqualTo(201);

        for (String other : List.of(order("reused-1", "bob", "[{\"sku\":\"BOOK-1\",\"quantity\":1}]"),
                order("reused-1", "ada", "[{\"sku\":\"BOOK-1\",\"quantity\":2}]"),
                order("reused-1", "ada", "[{\"sku\":\"LAMP-1\",\"quantity\":1}]"))) {
            RawHttp.Reply conflict = place(other);

            assertThat(conflict.status()).as(other).isEqualTo(409);
            JsonNode error = Json.mapper().readTree(conflict.body());
            assertThat(error.get("field").asText()).isEqualTo("id");
            assertThat(error.get("error").asText()).contains("reused-1").contains("another customer, lines or impl");
        }
    }

    private RawHttp.Reply place(String body) throws Exception {
        return http.send(http.post("POST", "/orders", "application/json", body));
    }

    private static String order(String id, String customer, String lines) {
        return "{\"id\":\"" + id + "\",\"customer\":\"" + customer + "\",\"lines\":" + lines + "}";
    }
}
