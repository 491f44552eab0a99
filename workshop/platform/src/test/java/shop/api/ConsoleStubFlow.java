package shop.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import shop.domain.Order;
import shop.flow.OrderFlow;
import shop.flow.OrderHistory;
import shop.flow.OrderRecords;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ServiceControl;
import shop.flow.TimelineEntry;

/**
 * A flow that offers everything the console can show, as the choreography and orchestration flows will once they
 * implement the interfaces: Kafka records, workflow history, and parts to stop and start. Every order completes at
 * once, its payment compensated by a refund.
 */
final class ConsoleStubFlow implements OrderFlow, OrderRecords, OrderHistory, ServiceControl {
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final String name;
    private final Map<String, OrderView> orders = new ConcurrentHashMap<>();
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();

    ConsoleStubFlow(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void place(Order order) {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        orders.put(order.id(), new OrderView(order.id(), name, OrderStatus.REJECTED, null, "out-of-stock", true,
                order.totalCents(), at, at.plusMillis(90), List.of(
                new TimelineEntry("payment", "charge", at.plusMillis(10), at.plusMillis(20), "ok"),
                new TimelineEntry("inventory", "reserve", at.plusMillis(30), at.plusMillis(40), "out-of-stock"),
                new TimelineEntry("payment", "refund", at.plusMillis(50), at.plusMillis(60), "ok"))));
    }

    @Override
    public Optional<OrderView> view(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public List<OrderRecords.Entry> records(String orderId) {
        if (!orders.containsKey(orderId)) {
            return List.of();
        }
        return List.of(new OrderRecords.Entry("order-events", 3, 41, Instant.parse("2026-01-01T10:00:00Z"), orderId,
                "OrderPlaced", Map.of("traceparent", TRACEPARENT)));
    }

    @Override
    public List<OrderHistory.Entry> history(String orderId) {
        if (!orders.containsKey(orderId)) {
            return List.of();
        }
        return List.of(new OrderHistory.Entry(1, Instant.parse("2026-01-01T10:00:00Z"), "WORKFLOW_EXECUTION_STARTED", ""),
                new OrderHistory.Entry(5, Instant.parse("2026-01-01T10:00:00.010Z"), "ACTIVITY_TASK_SCHEDULED", "Charge"));
    }

    @Override
    public List<String> stoppableServices() {
        return List.of("payment", "worker");
    }

    @Override
    public boolean isRunning(String service) {
        return !stopped.contains(service);
    }

    @Override
    public void stop(String service) {
        stopped.add(service);
    }

    @Override
    public void start(String service) {
        stopped.remove(service);
    }
}
