package shop.orchestration.control;

import shop.flow.OrderStatus;

/**
 * Where a running order stands, as the status query answers.
 *
 * @param currentStep "charge", "reserve", "book", "awaiting-warehouse", "compensating", or null when final
 */
public record OrderProgress(OrderStatus status, String currentStep, String reason) {}
