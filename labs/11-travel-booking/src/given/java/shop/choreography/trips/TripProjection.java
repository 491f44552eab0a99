package shop.choreography.trips;

import java.util.List;

import shop.travel.TripStatus;
import shop.travel.TripTimeline;
import shop.travel.TripTimelines;

/**
 * Follows {@code trip-events} and keeps each trip's timeline: nobody runs the trip, so where it stands is read off the
 * events. A trip ends CONFIRMED when its car is booked, and REJECTED when the flight, the first step, failed or was
 * cancelled: the last event of any rejection.
 */
final class TripProjection implements TripHandler {
    private final TripTimelines timelines;

    TripProjection(TripTimelines timelines) {
        this.timelines = timelines;
    }

    @Override
    public List<TripEvent> on(TripEvent event) {
        TripTimeline timeline = timelines.of(event.tripId());
        String outcome = event.reason() == null || event.type().name().endsWith("_CANCELLED") ? "ok" : event.reason();
        switch (event.type()) {
            case TRIP_REQUESTED -> { }
            case FLIGHT_BOOKED, FLIGHT_FAILED -> timeline.record("flight", "book", timeline.now(), outcome);
            case HOTEL_BOOKED, HOTEL_FAILED -> timeline.record("hotel", "book", timeline.now(), outcome);
            case CAR_BOOKED, CAR_FAILED -> timeline.record("car", "book", timeline.now(), outcome);
            case HOTEL_CANCELLED -> timeline.record("hotel", "cancel", timeline.now(), outcome);
            case FLIGHT_CANCELLED -> timeline.record("flight", "cancel", timeline.now(), outcome);
        }
        switch (event.type()) {
            case CAR_BOOKED -> timeline.finish(TripStatus.CONFIRMED, null);
            case FLIGHT_FAILED, FLIGHT_CANCELLED -> timeline.finish(TripStatus.REJECTED, event.reason());
            default -> { }
        }
        return List.of();
    }
}
