package shop.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import shop.domain.Domain;
import shop.flow.OrderStatus;
import shop.flow.OrderView;

/**
 * What must hold for every order once it is final, whatever coordinated it: nothing lost, no double effects,
 * money and stock add up. {@link #violations} lists what is wrong, one line per problem.
 */
public final class Invariants {
    private Invariants() {}

    public static List<String> violations(Domain domain, Collection<OrderView> orders) {
        List<String> problems = new ArrayList<>();
        for (OrderView order : orders) {
            String id = order.id();
            var payments = domain.payments();
            if (payments.chargeCount(id) > 1) {
                problems.add(id + ": charged " + payments.chargeCount(id) + " times");
            }
            if (domain.inventory().reservationCount(id) > 1) {
                problems.add(id + ": stock reserved " + domain.inventory().reservationCount(id) + " times");
            }
            if (domain.shipping().bookingCount(id) > 1) {
                problems.add(id + ": shipment booked " + domain.shipping().bookingCount(id) + " times");
            }
            switch (order.status()) {
                case PENDING -> problems.add(id + ": still pending (lost or stuck) at step " + order.currentStep());
                case COMPLETED -> {
                    if (payments.chargedCents(id) != order.totalCents()) {
                        problems.add(id + ": completed but charged " + payments.chargedCents(id) + " of " + order.totalCents());
                    }
                    if (payments.refundedCents(id) != 0) {
                        problems.add(id + ": completed but refunded " + payments.refundedCents(id));
                    }
                    if (domain.inventory().unitsHeld(id) == 0) {
                        problems.add(id + ": completed but holds no stock");
                    }
                    if (!domain.shipping().isBooked(id)) {
                        problems.add(id + ": completed but no shipment booked");
                    }
                }
                case REJECTED -> {
                    if (payments.refundedCents(id) != payments.chargedCents(id)) {
                        problems.add(id + ": rejected but refunded " + payments.refundedCents(id)
                                + " of " + payments.chargedCents(id) + " charged");
                    }
                    if (domain.inventory().unitsHeld(id) != 0) {
                        problems.add(id + ": rejected but still holds " + domain.inventory().unitsHeld(id) + " units");
                    }
                    if (domain.shipping().isBooked(id)) {
                        problems.add(id + ": rejected but a shipment is still booked");
                    }
                }
            }
        }
        return problems;
    }

    public static long count(Collection<OrderView> orders, OrderStatus status) {
        return orders.stream().filter(order -> order.status() == status).count();
    }
}
