package shop.travel;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every trip's timeline a flow has seen, by trip id. */
public final class TripTimelines {
    private final String impl;
    private final Clock clock;
    private final TripListener listener;
    private final Map<String, TripTimeline> byTrip = new ConcurrentHashMap<>();

    public TripTimelines(String impl, Clock clock, TripListener listener) {
        this.impl = impl;
        this.clock = clock;
        this.listener = listener;
    }

    public TripTimelines(String impl, TripListener listener) {
        this(impl, Clock.systemUTC(), listener);
    }

    public TripTimelines(String impl) {
        this(impl, TripListener.NONE);
    }

    /** The trip's timeline, started now if it is new. */
    public TripTimeline of(String tripId) {
        start(tripId);
        return byTrip.get(tripId);
    }

    /** Starts the trip's timeline now; false if it had one already (the trip was booked before). */
    public boolean start(String tripId) {
        if (byTrip.containsKey(tripId) || byTrip.putIfAbsent(tripId, new TripTimeline(tripId, impl, clock, listener)) != null) {
            return false;
        }
        listener.placed(impl);
        return true;
    }

    public Optional<TripView> find(String tripId) {
        return Optional.ofNullable(byTrip.get(tripId)).map(TripTimeline::view);
    }
}
