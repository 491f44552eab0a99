package shop.travel;

import java.time.Instant;
import java.util.List;

import shop.flow.TimelineEntry;

/**
 * What GET /trips/{id} returns: the shape of {@link shop.flow.OrderView}, for a trip.
 *
 * @param currentStep the step in progress, or null when the trip is final
 * @param reason      why the trip was rejected, e.g. "hotel-sold-out", or null
 * @param compensated true if earlier bookings were cancelled
 */
public record TripView(String id, String impl, TripStatus status, String currentStep, String reason,
                       boolean compensated, Instant placedAt, Instant finishedAt, List<TimelineEntry> timeline) {
    public TripView {
        timeline = List.copyOf(timeline);
    }
}
