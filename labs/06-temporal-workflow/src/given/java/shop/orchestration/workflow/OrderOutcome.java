package shop.orchestration.workflow;

import shop.flow.OrderStatus;

/**
 * What an order workflow returns when it ends.
 *
 * @param reason      why it was rejected ("card-declined", ...), or null
 * @param compensated true if a refund, release or cancel ran
 */
public record OrderOutcome(OrderStatus status, String reason, boolean compensated) {
    public static OrderOutcome completed() {
        return new OrderOutcome(OrderStatus.COMPLETED, null, false);
    }

    public static OrderOutcome rejected(String reason, boolean compensated) {
        return new OrderOutcome(OrderStatus.REJECTED, reason, compensated);
    }
}
