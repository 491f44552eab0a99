package shop.choreography.trips;

import shop.travel.Trip;

/**
 * One fact about a trip, on the {@code trip-events} topic, keyed by trip id so that a trip's events stay in order.
 * Each event carries the whole trip, so a service needs nothing but the event to do its step.
 *
 * @param reason why a step failed, carried on by the compensations that follow; null while all goes well
 */
public record TripEvent(Type type, Trip trip, String reason) {
    public static final String TOPIC = "trip-events";

    public enum Type {
        TRIP_REQUESTED,
        FLIGHT_BOOKED, FLIGHT_FAILED, FLIGHT_CANCELLED,
        HOTEL_BOOKED, HOTEL_FAILED, HOTEL_CANCELLED,
        CAR_BOOKED, CAR_FAILED
    }

    public static TripEvent requested(Trip trip) {
        return new TripEvent(Type.TRIP_REQUESTED, trip, null);
    }

    /** The event that follows this one for the same trip, keeping its reason. */
    public TripEvent then(Type next) {
        return new TripEvent(next, trip, reason);
    }

    /** The event that follows this one for the same trip, with the reason a step failed. */
    public TripEvent then(Type next, String why) {
        return new TripEvent(next, trip, why);
    }

    public String tripId() {
        return trip.id();
    }
}
