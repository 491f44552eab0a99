package shop.travel;

import shop.flow.TimelineEntry;

/** Told what happens to trips as their timelines change, e.g. to count them ({@link TripMeters}). */
public interface TripListener {
    TripListener NONE = new TripListener() {};

    default void booked(String impl) {}

    default void stepDone(String impl, TimelineEntry step) {}

    /** Called once per trip, when it ends. */
    default void finished(TripView trip) {}
}
