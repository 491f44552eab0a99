package shop.travel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import shop.flow.TimelineEntry;
import shop.observe.MeterNames;

/**
 * The orders' meter vocabulary, for trips: the same tags (impl, status, step, outcome) under names of their own, so a
 * panel can put trips beside orders and a query for orders never counts a trip.
 */
public final class TripMeters implements TripListener {
    public static final String TRIPS_BOOKED = "shop.trips.booked";
    public static final String TRIPS_CONFIRMED = "shop.trips.confirmed";
    public static final String TRIPS_REJECTED = "shop.trips.rejected";
    public static final String TRIPS_COMPENSATED = "shop.trips.compensated";
    public static final String TRIP_DURATION = "shop.trip.duration";
    public static final String TRIP_STEP_DURATION = "shop.trip.step.duration";
    public static final String TRIPS_IN_FLIGHT = "shop.trips.in.flight";

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public TripMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void booked(String impl) {
        Counter.builder(TRIPS_BOOKED).tag(MeterNames.TAG_IMPL, impl).register(registry).increment();
        inFlight(impl).incrementAndGet();
    }

    @Override
    public void stepDone(String impl, TimelineEntry step) {
        Timer.builder(TRIP_STEP_DURATION).tags(MeterNames.TAG_IMPL, impl, MeterNames.TAG_STEP, step.service() + "." + step.step(),
                MeterNames.TAG_OUTCOME, step.outcome()).register(registry).record(step.duration());
    }

    @Override
    public void finished(TripView trip) {
        String counter = trip.status() == TripStatus.CONFIRMED ? TRIPS_CONFIRMED : TRIPS_REJECTED;
        Counter.builder(counter).tag(MeterNames.TAG_IMPL, trip.impl()).register(registry).increment();
        if (trip.compensated()) {
            Counter.builder(TRIPS_COMPENSATED).tag(MeterNames.TAG_IMPL, trip.impl()).register(registry).increment();
        }
        Timer.builder(TRIP_DURATION).tags(MeterNames.TAG_IMPL, trip.impl(), MeterNames.TAG_STATUS, trip.status().name())
                .publishPercentileHistogram().register(registry).record(Duration.between(trip.placedAt(), trip.finishedAt()));
        inFlight(trip.impl()).decrementAndGet();
    }

    private AtomicInteger inFlight(String impl) {
        return inFlight.computeIfAbsent(impl, key -> registry.gauge(TRIPS_IN_FLIGHT,
                Tags.of(MeterNames.TAG_IMPL, key), new AtomicInteger()));
    }
}
