package shop.travel;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import shop.domain.TransientFailure;
import shop.flow.Retry;

/**
 * The baseline for trips: one thread per trip books the flight, the hotel and the car in turn, in process, and cancels
 * what it booked, last first, when a step says no or gives up. No broker, no workflow engine, no memory across a
 * restart: what the two styles are compared against.
 */
public final class DirectTrips implements TripFlow {
    public static final String NAME = "direct";

    private final Travel travel;
    private final TripTimelines timelines;
    private final ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "direct-trips");
        thread.setDaemon(true);
        return thread;
    });

    public DirectTrips(Travel travel, TripListener listener) {
        this.travel = travel;
        this.timelines = new TripTimelines(NAME, listener);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void book(Trip trip) {
        if (timelines.start(trip.id())) {
            workers.execute(() -> run(trip, timelines.of(trip.id())));
        }
    }

    private void run(Trip trip, TripTimeline timeline) {
        Deque<TravelService> toUndo = new ArrayDeque<>();
        for (TravelService service : TravelService.values()) {
            toUndo.push(service); // before the step: a step that gave up may still have booked
            String failure = step(timeline, service, "book", Retry.DEFAULT,
                    () -> travel.desk(service).book(trip.keyOf("book", service), trip.id(), trip.itemFor(service)));
            if (failure != null) {
                toUndo.forEach(undo -> step(timeline, undo, "cancel", Retry.UNTIL_DONE,
                        () -> travel.desk(undo).cancel(trip.keyOf("cancel", undo), trip.id()) ? "ok" : "nothing-held"));
                timeline.finish(TripStatus.REJECTED, failure);
                return;
            }
        }
        timeline.finish(TripStatus.CONFIRMED, null);
    }

    /** @return null if the step succeeded, otherwise why it failed */
    private static String step(TripTimeline timeline, TravelService service, String step, Retry retry,
                               Supplier<String> call) {
        Instant started = timeline.now();
        try {
            String answer = retry.call(call);
            timeline.record(service.id(), step, started, step.equals("cancel") ? answer : "ok");
            return null;
        } catch (SoldOut no) {
            timeline.record(service.id(), step, started, no.reason());
            return no.reason();
        } catch (TransientFailure gaveUp) {
            timeline.record(service.id(), step, started, "gave-up-after-retries");
            return service.id() + "-unavailable";
        }
    }

    @Override
    public Optional<TripView> find(String tripId) {
        return timelines.find(tripId);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
