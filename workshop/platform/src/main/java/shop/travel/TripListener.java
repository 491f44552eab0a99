package shop.travel;

import shop.flow.TimelineEntry;

/** Told what happens to trips as their timelines change, e.g. to count them ({@link TripMeters}). */
public interface TripListener {
    TripListener NONE = new TripListener() {};

    /** A trip was taken and will be booked: once per trip. */
    default void placed(String impl) {}

    default void stepDone(String impl, TimelineEntry step) {}

    /** Called once per trip, when it ends. */
    default void finished(TripView trip) {}
}
