package shop.orchestration.trips;

import java.time.Instant;

import io.temporal.failure.ApplicationFailure;
import shop.domain.TransientFailure;
import shop.travel.SoldOut;
import shop.travel.Travel;
import shop.travel.TravelService;
import shop.travel.Trip;
import shop.travel.TripTimeline;
import shop.travel.TripTimelines;

/**
 * Thin adapters over the travel services the choreography calls too, each step with its own idempotency key, so a
 * retried activity finds the first answer. Each call lands on the trip's timeline, retries included.
 */
public final class TravelActivities implements TripActivities {
    private final Travel travel;
    private final TripTimelines timelines;

    public TravelActivities(Travel travel, TripTimelines timelines) {
        this.travel = travel;
        this.timelines = timelines;
    }

    @Override public String bookFlight(Trip trip) { return book(TravelService.FLIGHT, trip); }
    @Override public String bookHotel(Trip trip) { return book(TravelService.HOTEL, trip); }
    @Override public String bookCar(Trip trip) { return book(TravelService.CAR, trip); }
    @Override public void cancelFlight(Trip trip) { cancel(TravelService.FLIGHT, trip); }
    @Override public void cancelHotel(Trip trip) { cancel(TravelService.HOTEL, trip); }
    @Override public void cancelCar(Trip trip) { cancel(TravelService.CAR, trip); }

    /** A sold-out is a definite no: thrown non-retryable, with its reason as the failure's type. */
    private String book(TravelService service, Trip trip) {
        TripTimeline timeline = timelines.of(trip.id());
        Instant started = timeline.now();
        try {
            String bookingId = travel.desk(service).book(trip.keyOf("book", service), trip.id(), trip.itemFor(service));
            timeline.record(service.id(), "book", started, "ok");
            return bookingId;
        } catch (SoldOut no) {
            timeline.record(service.id(), "book", started, no.reason());
            throw ApplicationFailure.newNonRetryableFailure(no.getMessage(), no.reason());
        } catch (TransientFailure retried) {
            timeline.record(service.id(), "book", started, "will-retry");
            throw retried;
        }
    }

    /** "ok" when a place was given back; "nothing-held" when the undo found nothing to undo. */
    private void cancel(TravelService service, Trip trip) {
        TripTimeline timeline = timelines.of(trip.id());
        Instant started = timeline.now();
        boolean gaveBack = travel.desk(service).cancel(trip.keyOf("cancel", service), trip.id());
        timeline.record(service.id(), "cancel", started, gaveBack ? "ok" : "nothing-held");
    }
}
