package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.flow.OrderFlow;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.json.Json;
import shop.observe.Observability;

/**
 * After a restart the API's own memory is empty, but the flows still know earlier orders (the choreography from its
 * events in Kafka, the orchestration from an external Temporal): GET finds them, a retried POST is a duplicate, and
 * a flow that fails on one order costs that order a 503, not the whole list.
 */
class OrdersAfterRestartTest {
    /** A flow that knows orders placed by an earlier process, and breaks on the ids in {@code broken}. */
    private static final class RememberingFlow implements OrderFlow {
        final String name;
        final Map<String, OrderView> views = new ConcurrentHashMap<>();
        final Set<String> broken = ConcurrentHashMap.newKeySet();
        final Set<String> placed = ConcurrentHashMap.newKeySet();

        RememberingFlow(String name) {
            this.name = name;
        }

        void knows(String id, long totalCents) {
            views.put(id, new OrderView(id, name, OrderStatus.COMPLETED, null, null, false, totalCents,
                    Instant.now(), Instant.now(), List.of()));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void place(Order order) {
            placed.add(order.id());
        }

        @Override
        public Optional<OrderView> view(String orderId) {
            if (broken.contains(orderId)) {
                throw new IllegalStateException("io.grpc.StatusRuntimeException: UNAVAILABLE");
            }
            return Optional.ofNullable(views.get(orderId));
        }
    }

    private final RememberingFlow kafka = new RememberingFlow("kafka-like");
    private final RememberingFlow temporal = new RememberingFlow("temporal-like");
    private ShopServer server;
    private RawHttp http;

    @BeforeEach
    void start() {
        server = ShopServer.start(Domain.demo(), Observability.newRegistry("test"), List.of(kafka, temporal), 0);
        http = new RawHttp(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anOrderPlacedBeforeARestartIsFoundInTheFlowThatKnowsIt() throws Exception {
        temporal.knows("before-1", 1299);

        RawHttp.Reply reply = get("/orders/before-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode view = Json.mapper().readTree(reply.body());
        assertThat(view.get("impl").asText()).isEqualTo("temporal-like");
        assertThat(view.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(get("/orders/never-placed").status()).isEqualTo(404);
    }

    @Test
    void aRetryAfterARestartIsADuplicateAndNotPlacedAgainWhileAnotherBasketUnderThatIdIsAConflict() throws Exception {
        kafka.knows("before-2", 1798);

        RawHttp.Reply retry = post("{\"id\":\"before-2\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":2}]}");
        RawHttp.Reply other = post("{\"id\":\"before-2\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"DESK-1\",\"quantity\":1}]}");

        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(retry.body()).get("duplicate").asBoolean()).isTrue();
        assertThat(kafka.placed).as("orders placed again").isEmpty();
        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(Json.mapper().readTree(other.body()).get("field").asText()).isEqualTo("id");
    }

    @Test
    void oneOrderAFlowCannotReadIsA503ForThatOrderAndLeftOutOfTheListWhichStillAnswers() throws Exception {
        assertThat(post("{\"id\":\"fine\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}").status()).isEqualTo(201);
        assertThat(post("{\"id\":\"bad\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}").status()).isEqualTo(201);
        kafka.knows("fine", 899);
        kafka.broken.add("bad");

        RawHttp.Reply list = get("/orders");
        RawHttp.Reply one = get("/orders/bad");

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(list.body()).findValuesAsText("id")).containsExactly("fine");
        assertThat(one.status()).as(one.body()).isEqualTo(503);
        assertThat(one.body()).contains("kafka-like flow could not answer").doesNotContain("io.grpc", "Exception");
    }

    @Test
    void anotherFlowThatCannotAnswerDoesNotStopOrdersOfThisOne() throws Exception {
        temporal.broken.add("new-1");

        RawHttp.Reply placed = post("{\"id\":\"new-1\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}");

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(kafka.placed).containsExactly("new-1");
    }

    private RawHttp.Reply post(String body) throws Exception {
        return http.send(http.post("POST", "/orders", "application/json", body));
    }

    private RawHttp.Reply get(String path) throws Exception {
        return http.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n");
    }
}
