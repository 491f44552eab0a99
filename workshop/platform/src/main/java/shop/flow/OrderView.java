package shop.flow;

import java.time.Instant;
import java.util.List;

/**
 * What GET /orders/{id} returns, the same shape for every flow.
 *
 * @param currentStep the step in progress, or null when the order is final
 * @param reason      why the order was rejected, or null
 * @param compensated true if earlier steps were undone (refund, release, cancel)
 */
public record OrderView(String id, String impl, OrderStatus status, String currentStep, String reason,
                        boolean compensated, long totalCents, Instant placedAt, Instant finishedAt,
                        List<TimelineEntry> timeline) {
    public OrderView {
        timeline = List.copyOf(timeline);
    }
}
