package shop.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.observe.OrderLog;

/**
 * Stock per SKU; never negative. A reservation takes all lines of an order or none. Idempotent by key
 * only: a new key reserves again, which a flow must avoid ({@link #reservationCount(String)} shows it).
 * Releasing gives back everything the order still holds.
 */
public final class Inventory {
    private final Faults faults;
    private final Map<String, Integer> stock = new HashMap<>();
    private final Map<String, List<OrderLine>> heldByOrder = new HashMap<>();
    private final Map<String, Integer> reservationsByOrder = new HashMap<>();
    private final Map<String, Object> answersByKey = new HashMap<>();

    public Inventory(Faults faults, Catalog catalog, int initialStockPerSku) {
        this.faults = faults;
        catalog.skus().forEach(sku -> stock.put(sku, initialStockPerSku));
    }

    /** @throws OutOfStock if any line cannot be reserved; nothing is reserved then */
    public void reserve(String idempotencyKey, String orderId, List<OrderLine> lines) {
        OrderLog.step(orderId, Service.INVENTORY, "reserve", () -> doReserve(idempotencyKey, orderId, lines));
    }

    private void doReserve(String idempotencyKey, String orderId, List<OrderLine> lines) {
        faults.beforeCall(Service.INVENTORY);
        synchronized (this) {
            Object earlier = answersByKey.get(idempotencyKey);
            if (earlier instanceof OutOfStock outOfStock) {
                throw outOfStock;
            }
            if (earlier != null) {
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
            heldByOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).addAll(lines);
            reservationsByOrder.merge(orderId, 1, Integer::sum);
            answersByKey.put(idempotencyKey, "reserved");
        }
    }

    /** Gives back all stock the order holds; releasing again, or an order that holds nothing, has no effect. */
    public void release(String idempotencyKey, String orderId) {
        OrderLog.step(orderId, Service.INVENTORY, "release", () -> doRelease(idempotencyKey, orderId));
    }

    private void doRelease(String idempotencyKey, String orderId) {
        faults.beforeCall(Service.INVENTORY);
        synchronized (this) {
            if (answersByKey.putIfAbsent(idempotencyKey, "released") != null) {
                return;
            }
            List<OrderLine> held = heldByOrder.remove(orderId);
            if (held != null) {
                held.forEach(line -> stock.merge(line.sku(), line.quantity(), Integer::sum));
            }
        }
    }

    public synchronized int stockLevel(String sku) {
        return stock.getOrDefault(sku, 0);
    }

    public synchronized Map<String, Integer> stockLevels() {
        return Map.copyOf(stock);
    }

    /** How many units the order holds now, over all SKUs. */
    public synchronized int unitsHeld(String orderId) {
        return heldByOrder.getOrDefault(orderId, List.of()).stream().mapToInt(OrderLine::quantity).sum();
    }

    /** More than one means the order's stock was reserved twice. */
    public synchronized int reservationCount(String orderId) {
        return reservationsByOrder.getOrDefault(orderId, 0);
    }
}
