package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import shop.json.Json;
import shop.domain.Domain;
import shop.domain.Order;
import shop.flow.OrderFlow;
import shop.flow.OrderView;
import shop.observe.Observability;

class ShopServerOrdersTest {
    /** A flow that has not caught up yet, as an event-driven one can be for a few milliseconds. */
    private static final class NotYetSeen implements OrderFlow {
        @Override
        public String name() {
            return "slow-to-report";
        }

        @Override
        public void place(Order order) {
        }

        @Override
        public Optional<OrderView> view(String orderId) {
            return Optional.empty();
        }
    }

    @Test
    void anOrderTheApiAcceptedIsPendingNeverNotFoundWhileItsFlowCatchesUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (ShopServer server = ShopServer.start(Domain.demo(), Observability.newRegistry("test"), List.of(new NotYetSeen()), 0)) {
            HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/orders"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"o-1\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":2}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(placed.statusCode()).isEqualTo(201);

            HttpResponse<String> order = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/orders/o-1")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(order.statusCode()).isEqualTo(200);
            JsonNode view = Json.mapper().readTree(order.body());
            assertThat(view.get("status").asText()).isEqualTo("PENDING");
            assertThat(view.get("currentStep").asText()).isEqualTo("placed");
            assertThat(view.get("totalCents").asLong()).isEqualTo(1798);
        }
    }
}
