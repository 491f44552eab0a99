package shop.travel;

import static shop.observe.MeterNames.TAG_IMPL;
import static shop.observe.MeterNames.TAG_OUTCOME;
import static shop.observe.MeterNames.TAG_SERVICE;
import static shop.observe.MeterNames.TAG_STATUS;
import static shop.observe.MeterNames.TAG_STEP;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import shop.flow.TimelineEntry;

/**
 * The orders' meter vocabulary ({@link shop.observe.MeterNames}), for trips: the same kinds of meter with the same
 * tags (impl, status, service, step, outcome) under names of their own, {@code shop.trips.*} and {@code shop.trip.*},
 * so a panel can put trips beside orders and a query for orders never counts a trip. A trip ends CONFIRMED where an
 * order ends COMPLETED.
 */
public final class TripMeters implements TripListener {
    /** Counter, tags: impl. */
    public static final String TRIPS_PLACED = "shop.trips.placed";
    /** Counter, tags: impl. */
    public static final String TRIPS_CONFIRMED = "shop.trips.confirmed";
    /** Counter, tags: impl. */
    public static final String TRIPS_REJECTED = "shop.trips.rejected";
    /** Counter, tags: impl. A trip rejected after a booking was cancelled. */
    public static final String TRIPS_COMPENSATED = "shop.trips.compensated";
    /** Timer with histogram, tags: impl, status. From placed to final state. */
    public static final String TRIP_DURATION = "shop.trip.duration";
    /** Timer with histogram, tags: impl, service (flight, hotel, car), step (book, cancel), outcome. */
    public static final String TRIP_STEP_DURATION = "shop.trip.step.duration";
    /** Gauge, tags: impl. Placed but not yet final. */
    public static final String TRIPS_IN_FLIGHT = "shop.trips.in.flight";

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public TripMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void placed(String impl) {
        Counter.builder(TRIPS_PLACED).description("Trips accepted by the shop").tag(TAG_IMPL, impl)
                .register(registry).increment();
        inFlight(impl).incrementAndGet();
    }

    @Override
    public void stepDone(String impl, TimelineEntry step) {
        Timer.builder(TRIP_STEP_DURATION).description("Time a step of a trip took")
                .tags(TAG_IMPL, impl, TAG_SERVICE, step.service(), TAG_STEP, step.step(), TAG_OUTCOME, step.outcome())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(step.duration());
    }

    @Override
    public void finished(TripView trip) {
        String counter = trip.status() == TripStatus.CONFIRMED ? TRIPS_CONFIRMED : TRIPS_REJECTED;
        Counter.builder(counter).tag(TAG_IMPL, trip.impl()).register(registry).increment();
        if (trip.compensated()) {
            Counter.builder(TRIPS_COMPENSATED).description("Trips rejected after a booking was cancelled")
                    .tag(TAG_IMPL, trip.impl()).register(registry).increment();
        }
        Timer.builder(TRIP_DURATION).description("From trip placed to its final state")
                .tags(TAG_IMPL, trip.impl(), TAG_STATUS, trip.status().name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(Duration.between(trip.placedAt(), trip.finishedAt()));
        inFlight(trip.impl()).decrementAndGet();
    }

    private AtomicInteger inFlight(String impl) {
        return inFlight.computeIfAbsent(impl, key -> registry.gauge(TRIPS_IN_FLIGHT, Tags.of(TAG_IMPL, key), new AtomicInteger()));
    }
}
