package shop.choreography.trips;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.choreography.trips.TripEvent.Type.CAR_FAILED;
import static shop.choreography.trips.TripEvent.Type.FLIGHT_BOOKED;
import static shop.choreography.trips.TripEvent.Type.FLIGHT_CANCELLED;
import static shop.choreography.trips.TripEvent.Type.FLIGHT_FAILED;
import static shop.choreography.trips.TripEvent.Type.HOTEL_BOOKED;
import static shop.choreography.trips.TripEvent.Type.HOTEL_CANCELLED;
import static shop.choreography.trips.TripEvent.Type.HOTEL_FAILED;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.lab.Todo;
import shop.travel.Travel;
import shop.travel.Trip;

/** Each service's reactions, one event at a time, without a broker: what TripHandlers answers to what. */
class TripHandlersTest {
    private final Travel travel = Travel.demo();
    private final TripHandlers handlers = new TripHandlers(travel);
    private final Trip trip = new Trip("trip-" + UUID.randomUUID(), "ada", "AMS-LIS", "LIS-CENTRO", "LIS-COMPACT");

    @BeforeEach
    void forgetTodos() {
        Todo.forget();
    }

    @Test
    void theAirlineBooksASeatWhenATripIsRequested() {
        assertThat(handlers.flight().on(TripEvent.requested(trip))).as("TODO 1: the airline's answer to TRIP_REQUESTED")
                .containsExactly(TripEvent.requested(trip).then(FLIGHT_BOOKED));
        assertThat(travel.flights().holds(trip.id())).as("TODO 1: the seat is booked").isTrue();
    }

    @Test
    void theHotelAndTheCarDeskEachBookTheirPartAfterTheStepBefore() {
        assertThat(handlers.hotel().on(TripEvent.requested(trip).then(FLIGHT_BOOKED)))
                .as("TODO 1: the hotel's answer to FLIGHT_BOOKED").extracting(TripEvent::type).containsExactly(HOTEL_BOOKED);
        assertThat(handlers.car().on(TripEvent.requested(trip).then(HOTEL_BOOKED)))
                .as("TODO 1: the car desk's answer to HOTEL_BOOKED").extracting(TripEvent::type)
                .containsExactly(TripEvent.Type.CAR_BOOKED);
    }

    @Test
    void aSoldOutRouteAnswersFlightFailedWithItsReason() {
        travel.flights().placesLeft("AMS-LIS", 0);

        assertThat(handlers.flight().on(TripEvent.requested(trip))).as("TODO 1: a sold-out is a definite no, with its reason")
                .containsExactly(TripEvent.requested(trip).then(FLIGHT_FAILED, "flight-sold-out"));
    }

    @Test
    void anEventDeliveredTwiceBooksOnce() {
        handlers.flight().on(TripEvent.requested(trip));
        handlers.flight().on(TripEvent.requested(trip));

        assertThat(travel.flights().bookingCount(trip.id())).as("TODO 1: seats booked for one trip (Trip.keyOf)").isEqualTo(1);
    }

    @Test
    void aFailedCarCancelsTheHotelAndAFailedOrCancelledHotelCancelsTheFlight() {
        handlers.flight().on(TripEvent.requested(trip));
        handlers.hotel().on(TripEvent.requested(trip).then(FLIGHT_BOOKED));
        TripEvent carFailed = TripEvent.requested(trip).then(CAR_FAILED, "car-sold-out");

        assertThat(handlers.hotel().on(carFailed)).as("TODO 2: the hotel's answer to CAR_FAILED keeps the reason")
                .containsExactly(carFailed.then(HOTEL_CANCELLED));
        assertThat(handlers.flight().on(carFailed.then(HOTEL_CANCELLED))).as("TODO 2: the airline's answer to HOTEL_CANCELLED")
                .containsExactly(carFailed.then(FLIGHT_CANCELLED));
        assertThat(handlers.flight().on(TripEvent.requested(trip).then(HOTEL_FAILED, "hotel-sold-out")))
                .as("TODO 2: the airline's answer to HOTEL_FAILED").extracting(TripEvent::type).containsExactly(FLIGHT_CANCELLED);
        assertThat(travel.holdsAnything(trip.id())).as("TODO 2: the trip holds nothing any more").isFalse();
    }

    @Test
    void servicesIgnoreEventsThatAreNotTheirs() {
        assertThat(handlers.car().on(TripEvent.requested(trip))).isEmpty();
        assertThat(handlers.hotel().on(TripEvent.requested(trip))).isEmpty();
    }
}
