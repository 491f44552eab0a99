package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.OrderView;
import shop.flow.PlacementGate;
import shop.json.Json;
import shop.observe.Observability;

/** A flow that cannot take an order (its broker is down) must not keep the order's id, nor count it as placed. */
class PlacingFailsTest {
    private static final String ORDER = "{\"id\":\"retry-1\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}";

    /** Reports the order as placed, then fails to publish it the first time, as a Kafka flow does with no broker. */
    private static final class BrokerDownOnce implements OrderFlow {
        private final OrderListener listener;
        private final AtomicInteger attempts = new AtomicInteger();

        BrokerDownOnce(OrderListener listener) {
            this.listener = listener;
        }

        @Override
        public String name() {
            return "kafka-like";
        }

        @Override
        public void place(Order order) {
            listener.placed(name(), order);
            if (attempts.getAndIncrement() == 0) {
                throw new IllegalStateException("could not publish: org.apache.kafka.common.errors.TimeoutException");
            }
        }

        @Override
        public Optional<OrderView> view(String orderId) {
            return Optional.empty();
        }
    }

    @Test
    void aRetryWithTheSameIdPlacesTheOrderAndItIsCountedOnce() throws Exception {
        AtomicInteger placed = new AtomicInteger();
        PlacementGate gate = new PlacementGate(new OrderListener() {
            @Override
            public void placed(String impl, Order order) {
                placed.incrementAndGet();
            }
        });
        Domain domain = Domain.demo();
        try (ShopServer server = ShopServer.start(domain, Observability.newRegistry("test"),
                List.of(new BrokerDownOnce(gate)), "127.0.0.1", 0, OpenTelemetry.noop(), gate)) {
            RawHttp http = new RawHttp(server.port());

            RawHttp.Reply failed = http.send(http.post("POST", "/orders", "application/json", ORDER));
            assertThat(failed.status()).as(failed.body()).isEqualTo(503);
            assertThat(Json.mapper().readTree(failed.body()).get("error").asText())
                    .contains("retry with the same id").doesNotContain("org.apache", "Exception");
            assertThat(http.send(get("/orders/retry-1", server)).status()).as("the failed order's id is free again").isEqualTo(404);
            assertThat(placed).as("an order that was not placed is not counted").hasValue(0);

            RawHttp.Reply retried = http.send(http.post("POST", "/orders", "application/json", ORDER));
            assertThat(retried.status()).as("the retry places the order: " + retried.body()).isEqualTo(201);
            assertThat(placed).hasValue(1);
            assertThat(http.send(get("/orders/retry-1", server)).body()).contains("\"status\":\"PENDING\"");

            RawHttp.Reply again = http.send(http.post("POST", "/orders", "application/json", ORDER));
            assertThat(again.status()).isEqualTo(200);
            assertThat(placed).as("a duplicate is not counted").hasValue(1);
        }
    }

    private static String get(String path, ShopServer server) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n";
    }
}
