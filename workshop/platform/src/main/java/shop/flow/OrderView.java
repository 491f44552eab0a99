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
    /**
     * The reason of an order whose run was ended from outside the shop (a terminated workflow): it is REJECTED, and
     * nothing was undone, so whatever it had charged, reserved or booked is still there.
     */
    public static final String TERMINATED = "terminated";

    public OrderView {
        timeline = List.copyOf(timeline);
    }
}
