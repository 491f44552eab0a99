package shop.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import shop.observe.OrderLog;

/** Books a carrier for an order, or cancels the booking. Idempotent by key. */
public final class Shipping {
    private final Faults faults;
    private final Map<String, Integer> bookingsByOrder = new HashMap<>();
    private final Map<String, Object> answersByKey = new HashMap<>();
    private final Set<String> cancelled = new HashSet<>();
    private int bookings;

    public Shipping(Faults faults) {
        this.faults = faults;
    }

    /** @return the tracking id. @throws CarrierUnavailable if no carrier takes the parcel */
    public String book(String idempotencyKey, String orderId, String customer) {
        return OrderLog.step(orderId, Service.SHIPPING, "book", () -> doBook(idempotencyKey, orderId));
    }

    private String doBook(String idempotencyKey, String orderId) {
        faults.beforeCall(Service.SHIPPING);
        synchronized (this) {
            Object earlier = answersByKey.get(idempotencyKey);
            if (earlier instanceof CarrierUnavailable unavailable) {
                throw unavailable;
            }
            if (earlier != null) {
                return (String) earlier;
            }
            if (faults.carrierUnavailable()) {
                CarrierUnavailable unavailable = new CarrierUnavailable(orderId);
                answersByKey.put(idempotencyKey, unavailable);
                throw unavailable;
            }
            String tracking = "trk-" + (++bookings);
            bookingsByOrder.merge(orderId, 1, Integer::sum);
            answersByKey.put(idempotencyKey, tracking);
            return tracking;
        }
    }

    public void cancel(String idempotencyKey, String orderId) {
        OrderLog.step(orderId, Service.SHIPPING, "cancel", () -> doCancel(idempotencyKey, orderId));
    }

    private void doCancel(String idempotencyKey, String orderId) {
        faults.beforeCall(Service.SHIPPING);
        synchronized (this) {
            if (answersByKey.putIfAbsent(idempotencyKey, "cancelled") == null && bookingsByOrder.containsKey(orderId)) {
                cancelled.add(orderId);
            }
        }
    }

    public synchronized boolean isBooked(String orderId) {
        return bookingsByOrder.containsKey(orderId) && !cancelled.contains(orderId);
    }

    /** More than one means the order was booked twice. */
    public synchronized int bookingCount(String orderId) {
        return bookingsByOrder.getOrDefault(orderId, 0);
    }
}
