package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.flow.OrderFlow;
import shop.flow.OrderIdTaken;
import shop.flow.OrderListener;
import shop.flow.OrderView;
import shop.flow.PlacementGate;
import shop.json.Json;
import shop.observe.Observability;

/** An id that something other than the order holds in the flow (a workflow started by someone else) is a conflict. */
class TakenIdTest {
    private static final String ORDER = "{\"id\":\"taken-1\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}";

    /** Its infrastructure already holds "taken-1" for something else, as Temporal does for a squatted workflow id. */
    private static final class IdHeldElsewhere implements OrderFlow {
        @Override
        public String name() {
            return "temporal-like";
        }

        @Override
        public void place(Order order) {
            if (order.id().equals("taken-1")) {
                throw new OrderIdTaken(order.id(), "io.temporal.client.WorkflowExecutionAlreadyStarted");
            }
        }

        @Override
        public Optional<OrderView> view(String orderId) {
            return Optional.empty();
        }
    }

    @Test
    void postAnswers409NamingTheIdKeepsNoClaimAndEveryReadStaysUp() throws Exception {
        PlacementGate gate = new PlacementGate(OrderListener.NONE);
        try (ShopServer server = ShopServer.start(Domain.demo(), Observability.newRegistry("test"),
                List.of(new IdHeldElsewhere()), "127.0.0.1", 0, OpenTelemetry.noop(), gate)) {
            RawHttp http = new RawHttp(server.port());

            for (int attempt = 1; attempt <= 2; attempt++) {
                RawHttp.Reply reply = http.send(http.post("POST", "/orders", "application/json", ORDER));
                assertThat(reply.status()).as("attempt " + attempt + ": " + reply.body()).isEqualTo(409);
                JsonNode error = Json.mapper().readTree(reply.body());
                assertThat(error.get("field").asText()).isEqualTo("id");
                assertThat(error.get("error").asText()).contains("\"taken-1\"").doesNotContain("io.temporal", "Exception");
            }
            assertThat(http.send(get("/orders/taken-1", server)).status()).isEqualTo(404);
            assertThat(http.send(get("/orders", server)).status()).isEqualTo(200);
        }
    }

    private static String get(String path, ShopServer server) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n";
    }
}
