package shop.api;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Which flow owns which order id, and the most recent ids for GET /orders. */
final class OrderBook {
    static final int RECENT = 50;

    private final Map<String, String> implById = new ConcurrentHashMap<>();
    private final Deque<String> recent = new ConcurrentLinkedDeque<>();

    /** @return the impl that already owns this id, or empty if the id is new and now belongs to {@code impl} */
    Optional<String> claim(String id, String impl) {
        String owner = implById.putIfAbsent(id, impl);
        if (owner != null) {
            return Optional.of(owner);
        }
        recent.addFirst(id);
        while (recent.size() > RECENT) {
            recent.pollLast();
        }
        return Optional.empty();
    }

    Optional<String> implOf(String id) {
        return Optional.ofNullable(implById.get(id));
    }

    List<String> recentIds() {
        return new ArrayList<>(recent);
    }
}
