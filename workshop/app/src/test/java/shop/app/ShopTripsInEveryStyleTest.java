package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.run.Shop;
import shop.testkit.ShopHttp;
import shop.travel.TravelCatalogue;

/**
 * A whole shop (embedded Kafka and Temporal, every flow) books trips over real HTTP in each style: the direct flow,
 * lab 11's choreography on {@code trip-events} and its workflow on the shop's Temporal, behind the same routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopTripsInEveryStyleTest {
    /** A first workflow or a first consumer-group join on a loaded machine takes a while. */
    private static final Duration TRIP_TIMEOUT = Duration.ofSeconds(120);

    private Shop shop;
    private ShopHttp http;

    @BeforeAll
    void start() {
        shop = WholeShop.start();
        http = new ShopHttp(shop.baseUrl());
    }

    @AfterAll
    void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"direct", "choreography", "orchestration"})
    void aTripIsConfirmedWithItsFlightHotelAndCar(String impl) {
        JsonNode trip = bookAndAwait("trip-ok." + impl, impl, "LIS-COMPACT");

        assertThat(trip.get("status").asText()).as(trip.toString()).isEqualTo("CONFIRMED");
        assertThat(trip.get("impl").asText()).isEqualTo(impl);
        assertThat(steps(trip)).as("the timeline, as an order's: service.step").containsSubsequence(
                "flight.book", "hotel.book", "car.book");
        assertThat(trip.get("compensated").asBoolean()).isFalse();
        assertThat(http.scrape().require("shop_trips_confirmed_total", "impl=\"" + impl + "\"")).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"direct", "choreography", "orchestration"})
    void aTripWithNoCarLeftIsRejectedAndItsHotelThenItsFlightCancelled(String impl) {
        JsonNode trip = bookAndAwait("trip-no-car." + impl, impl, TravelCatalogue.SOLD_OUT_CAR);

        assertThat(trip.get("status").asText()).as(trip.toString()).isEqualTo("REJECTED");
        assertThat(trip.get("reason").asText()).isEqualTo("car-sold-out");
        assertThat(trip.get("compensated").asBoolean()).isTrue();
        List<String> gaveBack = new ArrayList<>();
        trip.get("timeline").forEach(entry -> {
            if (entry.get("step").asText().equals("cancel") && entry.get("outcome").asText().equals("ok")) {
                gaveBack.add(entry.get("service").asText());
            }
        });
        assertThat(gaveBack).as("bookings cancelled, last first: " + steps(trip)).containsExactly("hotel", "flight");
        assertThat(http.scrape().require("shop_trips_compensated_total", "impl=\"" + impl + "\"")).isPositive();
    }

    @Test
    void badTripsAreRefusedWithTheFieldNamedWhateverTheStyle() {
        ShopHttp.Response unknownCar = http.bookTrip("bad-car", "choreography", "BICYCLE");
        assertThat(unknownCar.status()).isEqualTo(400);
        assertThat(unknownCar.body().get("field").asText()).isEqualTo("car");

        ShopHttp.Response unknownStyle = http.bookTrip("bad-impl", "pigeon", "LIS-COMPACT");
        assertThat(unknownStyle.status()).isEqualTo(400);
        assertThat(unknownStyle.body().get("field").asText()).isEqualTo("impl");
        assertThat(unknownStyle.body().get("error").asText()).as("the styles this shop runs trips in")
                .contains("direct", "choreography", "orchestration");

        ShopHttp.Response unknownTrip = http.get("/trips/no-such-trip");
        assertThat(unknownTrip.status()).isEqualTo(404);
        assertThat(unknownTrip.body().get("field").asText()).isEqualTo("id");
    }

    private JsonNode bookAndAwait(String id, String impl, String car) {
        ShopHttp.Response booked = http.bookTrip(id, impl, car);
        assertThat(booked.status()).as(String.valueOf(booked.body())).isEqualTo(201);
        assertThat(booked.body().get("impl").asText()).isEqualTo(impl);
        return http.awaitTripFinal(id, TRIP_TIMEOUT);
    }

    private static List<String> steps(JsonNode trip) {
        List<String> steps = new ArrayList<>();
        trip.get("timeline").forEach(entry -> steps.add(entry.get("service").asText() + "." + entry.get("step").asText()));
        return steps;
    }
}
