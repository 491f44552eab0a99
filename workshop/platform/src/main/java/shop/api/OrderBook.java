package shop.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import shop.domain.Order;
import shop.flow.OrderStatus;
import shop.flow.OrderView;

/** Which flow owns which order, and the most recent ids for GET /orders. */
final class OrderBook {
    static final int RECENT = 50;

    /** What the API knows of an order before its flow has reported on it. */
    record Placed(Order order, String impl, Instant placedAt) {
        OrderView pendingView() {
            return new OrderView(order.id(), impl, OrderStatus.PENDING, "placed", null, false, order.totalCents(),
                    placedAt, null, List.of());
        }

        /** The same customer, lines (in any order) and flow: a retry, not a different order under a reused id. */
        boolean sameAs(Order other, String otherImpl) {
            return impl.equals(otherImpl) && order.customer().equals(other.customer())
                    && Set.copyOf(order.lines()).equals(Set.copyOf(other.lines()));
        }
    }

    private final Map<String, Placed> byId = new ConcurrentHashMap<>();
    private final Deque<String> recent = new ConcurrentLinkedDeque<>();

    /** @return the order already placed with this id, or empty if the id is new and now belongs to {@code impl} */
    Optional<Placed> claim(Order order, String impl) {
        Placed earlier = byId.putIfAbsent(order.id(), new Placed(order, impl, Instant.now()));
        if (earlier != null) {
            return Optional.of(earlier);
        }
        recent.addFirst(order.id());
        while (recent.size() > RECENT) {
            recent.pollLast();
        }
        return Optional.empty();
    }

    /** Gives the id back after its order could not be placed, so a retry with the same id places it. */
    void release(String id) {
        byId.remove(id);
        recent.remove(id);
    }

    Optional<Placed> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<String> recentIds() {
        return new ArrayList<>(recent);
    }
}
