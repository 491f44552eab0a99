package shop.flow;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of an order's life: which service did what, when, and how it ended.
 *
 * @param service "order", "payment", "inventory" or "shipping"
 * @param step    e.g. "charge", "reserve", "book", "refund", "release"
 * @param outcome "ok", or the reason it failed, e.g. "card-declined"
 */
public record TimelineEntry(String service, String step, Instant startedAt, Instant finishedAt, String outcome) {
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
