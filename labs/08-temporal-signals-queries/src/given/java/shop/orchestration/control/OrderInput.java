package shop.orchestration.control;

import java.time.Duration;

import shop.domain.Order;

/**
 * What the controlled workflow starts with.
 *
 * @param warehouseDeadline how long to wait for the warehouse to confirm after booking, then cancel;
 *                          null to complete without waiting (the shop's default)
 */
public record OrderInput(Order order, Duration warehouseDeadline) {
    public static OrderInput of(Order order) {
        return new OrderInput(order, null);
    }
}
