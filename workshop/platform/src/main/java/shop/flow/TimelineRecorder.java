package shop.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import shop.domain.Order;

/** Keeps one order's view up to date as its steps run; thread-safe. Used by the direct flow. */
final class TimelineRecorder {
    private final Order order;
    private final String impl;
    private final Clock clock;
    private final Instant placedAt;
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private String currentStep;
    private OrderStatus status = OrderStatus.PENDING;
    private String reason;
    private boolean compensated;
    private Instant finishedAt;

    TimelineRecorder(Order order, String impl, Clock clock) {
        this.order = order;
        this.impl = impl;
        this.clock = clock;
        this.placedAt = clock.instant();
    }

    Instant now() {
        return clock.instant();
    }

    synchronized void started(String step) {
        currentStep = step;
    }

    synchronized void record(String service, String step, Instant startedAt, String outcome) {
        timeline.add(new TimelineEntry(service, step, startedAt, clock.instant(), outcome));
    }

    synchronized void compensated() {
        compensated = true;
    }

    synchronized Duration finish(OrderStatus finalStatus, String why) {
        status = finalStatus;
        reason = why;
        currentStep = null;
        finishedAt = clock.instant();
        return Duration.between(placedAt, finishedAt);
    }

    synchronized boolean isCompensated() {
        return compensated;
    }

    synchronized OrderView view() {
        return new OrderView(order.id(), impl, status, currentStep, reason, compensated, order.totalCents(),
                placedAt, finishedAt, timeline);
    }
}
