package shop.travel;

import java.util.Optional;

/** One way of coordinating a trip's bookings (choreography, orchestration): what the scenario suite and the shop drive. */
public interface TripFlow extends AutoCloseable {
    /** "choreography" or "orchestration": the {@code impl} of every view and meter. */
    String name();

    /** Starts booking the trip and returns at once; a trip id seen before is not booked again. */
    void book(Trip trip);

    /** The trip's view, or empty if this flow never saw the trip. */
    Optional<TripView> find(String tripId);

    @Override
    default void close() {}
}
