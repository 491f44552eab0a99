package shop.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stock per SKU. A reservation takes all lines of an order or none; releasing gives them back once.
 * Stock never goes negative.
 */
public final class Inventory {
    private final Faults faults;
    private final Map<String, Integer> stock = new HashMap<>();
    private final Map<String, List<OrderLine>> reservations = new HashMap<>();
    private final Map<String, Object> answersByKey = new HashMap<>();
    private final Set<String> released = new HashSet<>();

    public Inventory(Faults faults, Catalog catalog, int initialStockPerSku) {
        this.faults = faults;
        catalog.skus().forEach(sku -> stock.put(sku, initialStockPerSku));
    }

    /** @throws OutOfStock if any line cannot be reserved; nothing is reserved then */
    public void reserve(String idempotencyKey, String orderId, List<OrderLine> lines) {
        faults.beforeCall(Service.INVENTORY);
        synchronized (this) {
            Object earlier = answersByKey.get(idempotencyKey);
            if (earlier instanceof OutOfStock outOfStock) {
                throw outOfStock;
            }
            if (earlier != null || reservations.containsKey(orderId)) {
                answersByKey.putIfAbsent(idempotencyKey, "reserved");
                return;
            }
            for (OrderLine line : lines) {
                if (faults.outOfStock(line.sku()) || stock.getOrDefault(line.sku(), 0) < line.quantity()) {
                    OutOfStock outOfStock = new OutOfStock(line.sku());
                    answersByKey.put(idempotencyKey, outOfStock);
                    throw outOfStock;
                }
            }
            lines.forEach(line -> stock.merge(line.sku(), -line.quantity(), Integer::sum));
            reservations.put(orderId, List.copyOf(lines));
            answersByKey.put(idempotencyKey, "reserved");
        }
    }

    /** Gives the order's reserved stock back; a second release, or an order never reserved, has no effect. */
    public void release(String idempotencyKey, String orderId) {
        faults.beforeCall(Service.INVENTORY);
        synchronized (this) {
            if (answersByKey.putIfAbsent(idempotencyKey, "released") != null) {
                return;
            }
            List<OrderLine> lines = reservations.get(orderId);
            if (lines != null && released.add(orderId)) {
                lines.forEach(line -> stock.merge(line.sku(), line.quantity(), Integer::sum));
            }
        }
    }

    public synchronized int stockLevel(String sku) {
        return stock.getOrDefault(sku, 0);
    }

    public synchronized Map<String, Integer> stockLevels() {
        return Map.copyOf(stock);
    }

    /** True if the order holds stock now (reserved and not released). */
    public synchronized boolean holds(String orderId) {
        return reservations.containsKey(orderId) && !released.contains(orderId);
    }
}
