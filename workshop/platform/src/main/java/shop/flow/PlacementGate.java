package shop.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import shop.domain.Order;

/**
 * Holds back a flow's "placed" report until the flow's {@code place} has returned. A flow may report an order as
 * placed and then fail to start it (the broker is unreachable); through the gate, such an order is neither counted
 * as placed nor left in flight, and a retry with the same id is counted once. Flows report to the gate as their
 * listener; the API places orders through {@link #place}.
 */
public final class PlacementGate implements OrderListener {
    private final OrderListener next;
    private final Map<String, List<Runnable>> held = new HashMap<>();

    public PlacementGate(OrderListener next) {
        this.next = next;
    }

    /** Calls {@code flow.place(order)}; its "placed" report reaches the listener only if it returns normally. */
    public void place(OrderFlow flow, Order order) {
        synchronized (this) {
            held.put(order.id(), new ArrayList<>());
        }
        boolean placed = false;
        try {
            flow.place(order);
            placed = true;
        } finally {
            if (placed) {
                release(order.id());
            } else {
                drop(order.id());
            }
        }
    }

    @Override
    public void placed(String impl, Order order) {
        synchronized (this) {
            List<Runnable> reports = held.get(order.id());
            if (reports != null) {
                reports.add(() -> next.placed(impl, order));
                return;
            }
        }
        next.placed(impl, order);
    }

    @Override
    public void stepFinished(String impl, String service, String step, Duration duration, String outcome) {
        next.stepFinished(impl, service, step, duration, outcome);
    }

    @Override
    public void finished(String impl, Order order, OrderStatus status, boolean compensated, Duration endToEnd) {
        release(order.id()); // an order can finish before place() returns: it was placed first
        next.finished(impl, order, status, compensated, endToEnd);
    }

    @Override
    public void terminated(String impl, Order order) {
        release(order.id());
        next.terminated(impl, order);
    }

    private synchronized void drop(String orderId) {
        held.remove(orderId);
    }

    private synchronized void release(String orderId) {
        List<Runnable> reports = held.remove(orderId);
        if (reports != null) {
            reports.forEach(Runnable::run);
        }
    }
}
