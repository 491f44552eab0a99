package shop.travel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import shop.flow.TimelineEntry;

/** One trip's view kept up to date as its steps run; thread-safe. A final trip stays final. */
public final class TripTimeline {
    private final String tripId;
    private final String impl;
    private final Clock clock;
    private final TripListener listener;
    private final Instant placedAt;
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private TripStatus status = TripStatus.PENDING;
    private String currentStep;
    private String reason;
    private boolean compensated;
    private Instant finishedAt;

    public TripTimeline(String tripId, String impl, Clock clock, TripListener listener) {
        this.tripId = tripId;
        this.impl = impl;
        this.clock = clock;
        this.listener = listener;
        this.placedAt = clock.instant();
    }

    public Instant now() {
        return clock.instant();
    }

    /** A step ran: e.g. ("hotel", "cancel", startedAt, "ok") or ("flight", "book", startedAt, "flight-sold-out"). */
    public synchronized void record(String service, String step, Instant startedAt, String outcome) {
        TimelineEntry entry = new TimelineEntry(service, step, startedAt, clock.instant(), outcome);
        timeline.add(entry);
        listener.stepDone(impl, entry);
        currentStep = status.isFinal() ? null : service + "." + step;
        compensated |= "cancel".equals(step) && "ok".equals(outcome);
    }

    /** Ends the trip; later calls change nothing. */
    public synchronized void finish(TripStatus finalStatus, String why) {
        if (status.isFinal()) {
            return;
        }
        status = finalStatus;
        reason = why;
        currentStep = null;
        finishedAt = clock.instant();
        listener.finished(view());
    }

    public synchronized TripView view() {
        return new TripView(tripId, impl, status, currentStep, reason, compensated, placedAt, finishedAt, timeline);
    }
}
