package shop.orchestration.workflow;

import shop.flow.OrderStatus;

/**
 * What an order workflow returns when it ends.
 *
 * @param reason      why it was rejected ("card-declined", ...), or null
 * @param compensated true if a step that had completed was undone (refund, release, cancel). An undo that runs only
 *                    in case a step that gave up happened after all (a refund after a charge that timed out) does not
 *                    count: nothing is reported undone that was never seen done
 */
public record OrderOutcome(OrderStatus status, String reason, boolean compensated) {
    public static OrderOutcome completed() {
        return new OrderOutcome(OrderStatus.COMPLETED, null, false);
    }

    public static OrderOutcome rejected(String reason, boolean compensated) {
        return new OrderOutcome(OrderStatus.REJECTED, reason, compensated);
    }
}
