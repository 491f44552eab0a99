package shop.flow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;

/**
 * The consistency checker: what must hold for a set of orders once the flow is done with them, whatever
 * coordinated it. Nothing lost or stuck, nothing charged, reserved or booked twice, refunds equal to the charges
 * of orders that did not complete, and stock moved only by completed orders.
 *
 * @param orders       the orders placed
 * @param views        what the flow says about them, by id (missing = lost)
 * @param stockBefore  stock per SKU before the first order
 */
public record Consistency(Domain domain, List<Order> orders, Map<String, OrderView> views,
                          Map<String, Integer> stockBefore) {

    public record Summary(int orders, long completed, long rejected, long compensated, long lost, long stuck,
                          long doubleCharges, long refundMismatches, long stockDelta, List<String> violations) {
        public boolean clean() {
            return violations.isEmpty();
        }
    }

    public Summary check() {
        List<String> violations = new ArrayList<>();
        long lost = 0, stuck = 0, doubleCharges = 0, refundMismatches = 0;
        Map<String, Integer> expectedStock = new HashMap<>(stockBefore);
        for (Order order : orders) {
            OrderView view = views.get(order.id());
            if (view == null) {
                lost++;
                violations.add(order.id() + ": lost (the flow does not know it)");
                continue;
            }
            if (view.status() == OrderStatus.PENDING) {
                stuck++;
            }
            if (domain.payments().chargeCount(order.id()) > 1) {
                doubleCharges++;
            }
            if (view.status() == OrderStatus.REJECTED
                    && domain.payments().refundedCents(order.id()) != domain.payments().chargedCents(order.id())) {
                refundMismatches++;
            }
            if (view.status() == OrderStatus.COMPLETED) {
                for (OrderLine line : order.lines()) {
                    expectedStock.merge(line.sku(), -line.quantity(), Integer::sum);
                }
            }
            violations.addAll(violations(domain, List.of(view)));
        }
        long stockDelta = 0;
        for (Map.Entry<String, Integer> expected : expectedStock.entrySet()) {
            int actual = domain.inventory().stockLevel(expected.getKey());
            if (actual != expected.getValue()) {
                stockDelta += actual - expected.getValue();
                violations.add(expected.getKey() + ": stock " + actual + ", expected " + expected.getValue()
                        + " (before minus completed orders)");
            }
        }
        Collection<OrderView> known = views.values();
        return new Summary(orders.size(), count(known, OrderStatus.COMPLETED), count(known, OrderStatus.REJECTED),
                known.stream().filter(OrderView::compensated).count(), lost, stuck, doubleCharges, refundMismatches,
                stockDelta, violations);
    }

    /** Per order, once final: one line per problem. */
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

    private static long count(Collection<OrderView> orders, OrderStatus status) {
        return orders.stream().filter(order -> order.status() == status).count();
    }
}
