package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.json.Json;
import shop.observe.Observability;

/** POST /trips and GET /trips/{id} over real HTTP: the orders' answers, errors and guards, for trips. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopServerTripsTest {
    private static final String TRIP = "{\"traveller\":\"ada\",\"route\":\"AMS-LIS\",\"hotel\":\"LIS-CENTRO\",\"car\":\"LIS-COMPACT\"";
    private final HttpClient http = HttpClient.newHttpClient();
    private DirectFlow flow;
    private ShopServer server;

    @BeforeAll
    void start() {
        flow = new DirectFlow(Domain.demo(), OrderListener.NONE);
        server = ShopServer.start(Domain.demo(), Observability.newRegistry("test"), List.of(flow), 0);
    }

    @AfterAll
    void stop() {
        server.close();
        flow.close();
    }

    @Test
    void aBookedTripIsConfirmedWithATimelineLikeAnOrders() throws Exception {
        HttpResponse<String> booked = send("POST", "/trips", TRIP + ",\"id\":\"trip-http-1\"}", "application/json");

        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(json(booked).get("status").asText()).isEqualTo("PENDING");
        Awaitility.await("trip-http-1 confirmed").atMost(Duration.ofSeconds(30))
                .until(() -> json(send("GET", "/trips/trip-http-1", null, null)).get("status").asText().equals("CONFIRMED"));
        JsonNode trip = json(send("GET", "/trips/trip-http-1", null, null));
        assertThat(trip.get("impl").asText()).isEqualTo("direct");
        assertThat(trip.get("timeline").findValuesAsText("service")).containsExactly("flight", "hotel", "car");
        assertThat(trip.get("timeline").get(0).has("startedAt")).as("timeline entries as in orders").isTrue();
        List<String> metrics = send("GET", "/metrics", null, null).body().lines().toList();
        assertThat(metrics).anyMatch(line -> line.startsWith("shop_trips_confirmed_total{") && line.contains("impl=\"direct\""));
        assertThat(metrics).anyMatch(line -> line.startsWith("shop_trip_step_duration_seconds_count{")
                && line.contains("service=\"flight\"") && line.contains("step=\"book\"") && line.contains("outcome=\"ok\""));
        assertThat(metrics).as("a trip is not an order").noneMatch(line -> line.startsWith("shop_orders_placed_total{"));
    }

    @Test
    void theSameTripIdTwiceIsAConflict() throws Exception {
        assertThat(send("POST", "/trips", TRIP + ",\"id\":\"trip-twice\"}", "application/json").statusCode()).isEqualTo(201);
        HttpResponse<String> again = send("POST", "/trips", TRIP + ",\"id\":\"trip-twice\"}", "application/json");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("field").asText()).isEqualTo("id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON     | {\"traveller\":                                                   | body",
            "missing traveller  | {\"route\":\"AMS-LIS\",\"hotel\":\"LIS-CENTRO\",\"car\":\"LIS-COMPACT\"} | traveller",
            "blank traveller    | {\"traveller\":\" \",\"route\":\"AMS-LIS\",\"hotel\":\"LIS-CENTRO\",\"car\":\"LIS-COMPACT\"} | traveller",
            "unknown route      | {\"traveller\":\"ada\",\"route\":\"XXX\",\"hotel\":\"LIS-CENTRO\",\"car\":\"LIS-COMPACT\"} | route",
            "unknown hotel      | {\"traveller\":\"ada\",\"route\":\"AMS-LIS\",\"hotel\":\"RITZ\",\"car\":\"LIS-COMPACT\"} | hotel",
            "missing car        | {\"traveller\":\"ada\",\"route\":\"AMS-LIS\",\"hotel\":\"LIS-CENTRO\"} | car",
            "car of wrong type  | {\"traveller\":\"ada\",\"route\":\"AMS-LIS\",\"hotel\":\"LIS-CENTRO\",\"car\":7} | car",
            "unknown field      | {\"traveller\":\"ada\",\"route\":\"AMS-LIS\",\"hotel\":\"LIS-CENTRO\",\"car\":\"LIS-COMPACT\",\"boat\":1} | boat",
            "bad id             | {\"id\":\"a b\",\"traveller\":\"ada\",\"route\":\"AMS-LIS\",\"hotel\":\"LIS-CENTRO\",\"car\":\"LIS-COMPACT\"} | id",
            "unknown flow       | {\"impl\":\"pigeon\",\"traveller\":\"ada\",\"route\":\"AMS-LIS\",\"hotel\":\"LIS-CENTRO\",\"car\":\"LIS-COMPACT\"} | impl",
    })
    void badTripsAreRefusedWithTheFieldNamed(String name, String body, String field) throws Exception {
        HttpResponse<String> response = send("POST", "/trips", body, "application/json");

        assertThat(response.statusCode()).as(name).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(name).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).get("field").asText()).as(name + ": " + response.body()).isEqualTo(field);
    }

    @Test
    void aTripMustBeSentAsJson() throws Exception {
        HttpResponse<String> response = send("POST", "/trips", TRIP + "}", "text/plain");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("field").asText()).isEqualTo("Content-Type");
    }

    @Test
    void aTripFromAnotherSiteIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/trips"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(TRIP + "}")).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("field").asText()).isEqualTo("Origin");
    }

    @Test
    void anUnknownTripIs404WithJson() throws Exception {
        HttpResponse<String> response = send("GET", "/trips/nope", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("id: no trip \"nope\"");
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
