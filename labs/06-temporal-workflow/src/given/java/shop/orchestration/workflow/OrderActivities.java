package shop.orchestration.workflow;

import io.temporal.activity.ActivityInterface;
import shop.domain.Order;

/**
 * What the workflow asks the domain services to do. Temporal names each activity type after its method,
 * capitalised ("Charge", "Reserve", ...), and the timeline turns those names back into steps.
 */
@ActivityInterface
public interface OrderActivities {
    /** @return the payment id */
    String charge(Order order);

    void reserve(Order order);

    /** @return the tracking id */
    String book(Order order);

    void refund(String orderId);

    void release(String orderId);

    /** Cancels the shipment booked for the order (lab 08). */
    void cancel(String orderId);
}
