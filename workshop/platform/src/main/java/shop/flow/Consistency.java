package shop.flow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;

/**
 * The consistency checker: what must hold for a set of orders once the flow is done with them, whatever
 * coordinated it. Nothing lost or stuck, nothing charged, reserved or booked twice, refunds equal to the charges
 * of orders that did not complete, and stock moved only by completed orders. An order terminated from outside
 * ({@link OrderView#TERMINATED}) had nothing undone: the checker says what it left charged, reserved or booked.
 *
 * @param orders       the orders placed
 * @param views        what the flow says about them, by id (missing = lost)
 * @param stockBefore  stock per SKU before the first order
 */
public record Consistency(Domain domain, List<Order> orders, Map<String, OrderView> views,
                          Map<String, Integer> stockBefore) {

    /**
     * @param terminated       orders whose run was ended from outside, nothing undone
     * @param leftChargedCents what those orders left charged and not refunded
     * @param leftHeldUnits    the stock those orders left reserved
     */
    public record Summary(int orders, long completed, long rejected, long compensated, long lost, long stuck,
                          long doubleCharges, long refundMismatches, long stockDelta, long terminated,
                          long leftChargedCents, long leftHeldUnits, List<String> violations) {
        public boolean clean() {
            return violations.isEmpty();
        }
    }

    public Summary check() {
        List<String> violations = new ArrayList<>();
        long lost = 0, stuck = 0, doubleCharges = 0, refundMismatches = 0, terminated = 0, leftCents = 0, leftUnits = 0;
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
            if (isTerminated(view)) {
                terminated++;
                leftCents += unrefundedCents(domain, order.id());
                leftUnits += domain.inventory().unitsHeld(order.id());
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
                stockDelta, terminated, leftCents, leftUnits, violations);
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
                    if (isTerminated(order)) { // nothing was undone: one line with what is left
                        leftovers(domain, id).ifPresent(problems::add);
                        break;
                    }
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

    private static boolean isTerminated(OrderView order) {
        return order.status() == OrderStatus.REJECTED && OrderView.TERMINATED.equals(order.reason());
    }

    private static long unrefundedCents(Domain domain, String id) {
        return domain.payments().chargedCents(id) - domain.payments().refundedCents(id);
    }

    /** One line saying what an order terminated from outside left behind, if anything. */
    private static Optional<String> leftovers(Domain domain, String id) {
        List<String> left = new ArrayList<>();
        if (unrefundedCents(domain, id) != 0) {
            left.add("charged " + unrefundedCents(domain, id) + " cents");
        }
        if (domain.inventory().unitsHeld(id) != 0) {
            left.add(domain.inventory().unitsHeld(id) + " units reserved");
        }
        if (domain.shipping().isBooked(id)) {
            left.add("a shipment booked");
        }
        return left.isEmpty() ? Optional.empty()
                : Optional.of(id + ": terminated from outside, nothing undone; left " + String.join(", ", left));
    }

    private static long count(Collection<OrderView> orders, OrderStatus status) {
        return orders.stream().filter(order -> order.status() == status).count();
    }
}
