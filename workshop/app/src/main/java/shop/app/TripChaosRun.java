package shop.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import shop.choreography.trips.ChoreographedTrips;
import shop.domain.FaultSettings.ServiceFaults;
import shop.orchestration.flow.TemporalConnection;
import shop.orchestration.trips.OrchestratedTrips;
import shop.travel.DirectTrips;
import shop.travel.Travel;
import shop.travel.TravelCatalogue;
import shop.travel.TravelService;
import shop.travel.Trip;
import shop.travel.TripFlow;
import shop.travel.TripListener;
import shop.travel.TripStatus;
import shop.travel.TripView;

/**
 * Trips under chaos, in each style (lab 11's solutions and the direct baseline): transient errors and latency at every
 * desk, every tenth trip booked twice, and cars for two thirds of the trips only, so the rest are rejected and
 * compensated. Then every trip is checked: none lost or stuck, none booked twice, none rejected still holding a booking.
 */
final class TripChaosRun {
    record Result(String impl, int trips, int confirmed, int rejected, List<String> violations) {
        boolean clean() {
            return violations.isEmpty();
        }
    }

    private final String kafka;
    private final String temporal;
    private final TripListener listener;
    private final PrintWriter out;

    /** @param listener told of every trip, e.g. chaos's trip meters, which the dashboards' Trips row shows */
    TripChaosRun(String kafka, String temporal, TripListener listener, PrintWriter out) {
        this.kafka = kafka;
        this.temporal = temporal;
        this.listener = listener;
        this.out = out;
    }

    List<Result> runAll(int count, Duration patience) throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(run(count, patience, travel -> new DirectTrips(travel, listener)));
        results.add(run(count, patience, travel -> new ChoreographedTrips(kafka, travel, listener)));
        results.add(run(count, patience, this::orchestrated));
        return results;
    }

    private Result run(int count, Duration patience, Function<Travel, TripFlow> start) throws Exception {
        Travel travel = new Travel(new TravelCatalogue(Map.of(TravelService.FLIGHT, Map.of("AMS-LIS", count),
                TravelService.HOTEL, Map.of("LIS-CENTRO", count), TravelService.CAR, Map.of("LIS-COMPACT", 2 * count / 3))));
        for (TravelService service : TravelService.values()) {
            travel.desk(service).faults(new ServiceFaults(false, 2, 0.1));
        }
        List<Trip> trips = new ArrayList<>();
        try (TripFlow flow = start.apply(travel)) {
            out.printf("%s: %d trips with faults on%n", flow.name(), count);
            for (int i = 0; i < count; i++) {
                Trip trip = new Trip("chaos-trip-" + UUID.randomUUID(), "chaos-" + (i % 50), "AMS-LIS", "LIS-CENTRO", "LIS-COMPACT");
                flow.book(trip);
                if (i % 10 == 0) {
                    flow.book(trip);
                }
                trips.add(trip);
            }
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline && !trips.stream().allMatch(trip -> isFinal(flow, trip))) {
                Thread.sleep(100);
            }
            travel.healAll();
            return check(flow, travel, trips);
        }
    }

    private static boolean isFinal(TripFlow flow, Trip trip) {
        return flow.find(trip.id()).map(view -> view.status().isFinal()).orElse(false);
    }

    private static Result check(TripFlow flow, Travel travel, List<Trip> trips) {
        List<String> violations = new ArrayList<>();
        int confirmed = 0;
        int rejected = 0;
        for (Trip trip : trips) {
            TripView view = flow.find(trip.id()).orElse(null);
            if (view == null) {
                violations.add(trip.id() + ": lost (the flow never saw it)");
                continue;
            }
            for (TravelService service : TravelService.values()) {
                if (travel.desk(service).bookingCount(trip.id()) > 1) {
                    violations.add(trip.id() + ": " + service.id() + " booked twice");
                }
            }
            if (view.status() == TripStatus.CONFIRMED) {
                confirmed++;
            } else if (view.status() == TripStatus.REJECTED) {
                rejected++;
                if (travel.holdsAnything(trip.id())) {
                    violations.add(trip.id() + ": rejected (" + view.reason() + ") but still holds a booking");
                }
            } else {
                violations.add(trip.id() + ": stuck " + view.status() + " at " + view.currentStep());
            }
        }
        return new Result(flow.name(), trips.size(), confirmed, rejected, violations);
    }

    /** The orchestration needs a worker of its own: it is closed with the flow. */
    private TripFlow orchestrated(Travel travel) {
        WorkflowClient client = TemporalConnection.connect(temporal, new SimpleMeterRegistry(), OpenTelemetry.noop());
        return OrchestratedTrips.withWorker(client, travel, listener, () -> TemporalConnection.close(client));
    }

    static void print(List<Result> results, PrintWriter out) {
        if (results.isEmpty()) {
            return;
        }
        out.printf("%n%-14s %6s %10s %9s %11s%n", "trips impl", "trips", "confirmed", "rejected", "violations");
        results.forEach(r -> out.printf("%-14s %6d %10d %9d %11d%n", r.impl(), r.trips(), r.confirmed(), r.rejected(),
                r.violations().size()));
        results.stream().filter(r -> !r.clean()).forEach(r -> {
            out.printf("%n%s trips: %d violation(s), the first ones:%n", r.impl(), r.violations().size());
            r.violations().stream().limit(10).forEach(v -> out.println("  " + v));
        });
    }
}
