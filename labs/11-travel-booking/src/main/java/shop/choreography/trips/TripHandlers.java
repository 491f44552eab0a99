package shop.choreography.trips;

import static shop.choreography.trips.TripEvent.Type.CAR_BOOKED;
import static shop.choreography.trips.TripEvent.Type.CAR_FAILED;
import static shop.choreography.trips.TripEvent.Type.FLIGHT_BOOKED;
import static shop.choreography.trips.TripEvent.Type.FLIGHT_CANCELLED;
import static shop.choreography.trips.TripEvent.Type.FLIGHT_FAILED;
import static shop.choreography.trips.TripEvent.Type.HOTEL_BOOKED;
import static shop.choreography.trips.TripEvent.Type.HOTEL_CANCELLED;
import static shop.choreography.trips.TripEvent.Type.HOTEL_FAILED;

import java.util.List;

import shop.lab.Todo;
import shop.travel.SoldOut;
import shop.travel.Travel;
import shop.travel.TravelService;

/**
 * The three travel services of the choreography. Nobody runs the trip: each service books its part when it sees the
 * event before it, and cancels its part when it sees that a later step failed. The flow is the sum of these
 * reactions, and you only see it by reading all three (compare TripBookingWorkflowImpl, where it is one method).
 */
public final class TripHandlers {
    private final Travel travel;

    public TripHandlers(Travel travel) {
        this.travel = travel;
    }

    /** The airline: the first step, and the last compensation. */
    public TripHandler flight() {
        return event -> switch (event.type()) {
            // TODO 1: when a trip is requested, its seat is booked (book, below): FLIGHT_BOOKED, or FLIGHT_FAILED
            case TRIP_REQUESTED -> Todo.value(1, "book the flight when a trip is requested, in TripHandlers.flight");
            // end TODO 1
            // TODO 2: when the hotel failed, or was cancelled, the seat is cancelled (cancel, below): FLIGHT_CANCELLED
            case HOTEL_FAILED, HOTEL_CANCELLED -> Todo.value(2, "cancel the flight when the hotel failed, in TripHandlers.flight");
            // end TODO 2
            default -> List.of();
        };
    }

    /** The hotel: books a room once the flight is booked; gives it back when no car could be had. */
    public TripHandler hotel() {
        return event -> switch (event.type()) {
            // TODO 1: once the flight is booked, the room is booked: HOTEL_BOOKED, or HOTEL_FAILED
            case FLIGHT_BOOKED -> Todo.value(1, "book the hotel once the flight is booked, in TripHandlers.hotel");
            // end TODO 1
            // TODO 2: when the car failed, the room is cancelled: HOTEL_CANCELLED
            case CAR_FAILED -> Todo.value(2, "cancel the hotel when the car failed, in TripHandlers.hotel");
            // end TODO 2
            default -> List.of();
        };
    }

    /** The car desk: the last step; it has nothing to compensate, since nothing comes after it. */
    public TripHandler car() {
        return event -> switch (event.type()) {
            // TODO 1: once the hotel is booked, the car is booked: CAR_BOOKED, or CAR_FAILED
            case HOTEL_BOOKED -> Todo.value(1, "book the car once the hotel is booked, in TripHandlers.car");
            // end TODO 1
            default -> List.of();
        };
    }

    /**
     * Books this service's part of the trip, once however often the event is delivered; a sold-out answers `failed`
     * with its reason. Any other exception is thrown: the loop hands the same event over again later.
     */
    private List<TripEvent> book(TravelService service, TripEvent event, TripEvent.Type booked, TripEvent.Type failed) {
        // TODO 1: this service's part of the trip is booked at its desk (Travel), once however often the event comes
        //   (each step of a trip has an idempotency key of its own: see Trip), and the answer is a fact: `booked`,
        //   or `failed` with the desk's reason when it has no place left (SoldOut, a definite no).
        return Todo.value(1, "book through the desk in TripHandlers.book");
        // end TODO 1
    }

    /** Cancels this service's part of the trip (harmless if it holds nothing) and passes the reason on. */
    private List<TripEvent> cancel(TravelService service, TripEvent event, TripEvent.Type cancelled) {
        // TODO 2: this service's part of the trip is given back at its desk, once however often the event comes (the
        //   cancel is a step with a key of its own), and the answer `cancelled` keeps the event's reason: the trip is
        //   rejected for the reason the first failure gave.
        return Todo.value(2, "cancel through the desk in TripHandlers.cancel");
        // end TODO 2
    }
}
