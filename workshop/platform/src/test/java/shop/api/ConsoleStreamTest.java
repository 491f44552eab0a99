package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.json.Json;
import shop.observe.Observability;

/**
 * The console's server-sent events over real HTTP: the charts, the order list and the chosen order's journey
 * arrive without being asked again, and the stream ends as a normal end of response when the shop stops.
 */
class ConsoleStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(30); // a loaded CI machine
    private final HttpClient http = HttpClient.newHttpClient();
    private DirectFlow direct;
    private ShopServer server;

    @BeforeEach
    void start() {
        Domain domain = Domain.demo();
        direct = new DirectFlow(domain, OrderListener.NONE);
        server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(direct, new ConsoleStubFlow("stub")), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        direct.close();
    }

    @Test
    void chartsOrdersAndTheJourneyArriveAsEventsAndTheStreamEndsWhenTheShopStops() throws Exception {
        place("s-1.stub", "stub");
        place("s-1.direct", "direct");
        Events events = open("/console/stream?order=s-1.stub");

        JsonNode meters = events.next("meters");
        assertThat(meters.get("series").has("lag")).isTrue();
        assertThat(meters.get("series").has("activityScheduleToStart")).isTrue();
        assertThat(events.next("orders").size()).isEqualTo(2);
        JsonNode journey = events.next("journey");
        assertThat(journey.get("basket").asText()).isEqualTo("s-1");
        assertThat(journey.get("orders")).hasSize(2);

        place("s-2.stub", "stub");
        JsonNode orders = events.next("orders");
        assertThat(orders.get(0).get("id").asText()).as("an order placed after the stream opened is pushed").isEqualTo("s-2.stub");
        JsonNode nextMeters = events.next("meters");
        assertThat(nextMeters.get("at").size()).as("the charts move on").isGreaterThan(meters.get("at").size());

        server.close();
        assertThat(events.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the stream ended as a complete response, not by an error").isTrue();
    }

    @Test
    void anUnknownOrderIsSaidToBeMissingAndABadIdIsRefused() throws Exception {
        Events unknown = open("/console/stream?order=nobody");
        assertThat(unknown.next("journey").get("missing").asBoolean()).isTrue();

        Events bad = open("/console/stream?order=" + "x".repeat(65));
        JsonNode problem = bad.next("problem");
        assertThat(problem.get("field").asText()).isEqualTo("order");
        assertThat(bad.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** The events of one stream, read on another thread as they come. */
    private final class Events {
        final BlockingQueue<Map.Entry<String, String>> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Boolean> ended = new CompletableFuture<>();

        JsonNode next(String type) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                Map.Entry<String, String> event = received.poll(100, TimeUnit.MILLISECONDS);
                if (event != null && event.getKey().equals(type)) {
                    return Json.mapper().readTree(event.getValue());
                }
            }
            throw new AssertionError("no \"" + type + "\" event within " + WAIT.toSeconds() + " s");
        }
    }

    private Events open(String path) {
        Events events = new Events();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Accept", "text/event-stream").GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            String[] type = {"message"};
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> {
                    if (line.startsWith("event:")) {
                        type[0] = line.substring("event:".length()).strip();
                    } else if (line.startsWith("data:")) {
                        events.received.add(Map.entry(type[0], line.substring("data:".length()).strip()));
                    }
                });
                events.ended.complete(true);
            } catch (RuntimeException broken) {
                events.ended.complete(false);
            }
        }).exceptionally(failed -> {
            events.ended.complete(false);
            return null;
        });
        return events;
    }

    private void place(String id, String impl) throws Exception {
        HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"impl\":\"" + impl
                        + "\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    }
}
