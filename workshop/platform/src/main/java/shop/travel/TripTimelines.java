package shop.travel;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every trip's timeline a flow has seen, by trip id. */
public final class TripTimelines {
    private final String impl;
    private final Clock clock;
    private final Map<String, TripTimeline> byTrip = new ConcurrentHashMap<>();

    public TripTimelines(String impl, Clock clock) {
        this.impl = impl;
        this.clock = clock;
    }

    public TripTimelines(String impl) {
        this(impl, Clock.systemUTC());
    }

    /** The trip's timeline, started now if it is new. */
    public TripTimeline of(String tripId) {
        return byTrip.computeIfAbsent(tripId, id -> new TripTimeline(id, impl, clock));
    }

    /** Starts the trip's timeline now; false if it had one already (the trip was booked before). */
    public boolean start(String tripId) {
        return byTrip.putIfAbsent(tripId, new TripTimeline(tripId, impl, clock)) == null;
    }

    public Optional<TripView> find(String tripId) {
        return Optional.ofNullable(byTrip.get(tripId)).map(TripTimeline::view);
    }
}
