package shop.travel;

import java.util.HashMap;
import java.util.Map;

import shop.domain.FaultSettings;
import shop.domain.Faults;

/**
 * One travel service (an airline, a hotel chain, a car rental): books a place for a trip while places are left,
 * and cancels it. Idempotent by key, like {@link shop.domain.Payments}: a repeated key gets the first answer, a new
 * key books again, and {@link #bookingCount(String)} shows when a flow got that wrong.
 */
public final class BookingDesk {
    private final TravelService service;
    private final Map<String, Integer> placesLeft = new HashMap<>();
    private final Map<String, Object> answersByKey = new HashMap<>();
    private final Map<String, String> heldItemByTrip = new HashMap<>();
    private final Map<String, Integer> bookingsByTrip = new HashMap<>();
    private volatile FaultSettings.ServiceFaults faults = FaultSettings.ServiceFaults.HEALTHY;
    private int bookings;

    BookingDesk(TravelService service, Map<String, Integer> capacity) {
        this.service = service;
        this.placesLeft.putAll(capacity);
    }

    public TravelService service() {
        return service;
    }

    /** @return the booking id. @throws SoldOut if no place is left (cached: the same key is refused again) */
    public String book(String idempotencyKey, String tripId, String item) {
        Faults.strike(service.id(), faults);
        synchronized (this) {
            Object earlier = answersByKey.get(idempotencyKey);
            if (earlier instanceof SoldOut soldOut) {
                throw soldOut;
            }
            if (earlier != null) {
                return (String) earlier;
            }
            if (placesLeft.getOrDefault(item, 0) <= 0) {
                SoldOut soldOut = new SoldOut(service, item);
                answersByKey.put(idempotencyKey, soldOut);
                throw soldOut;
            }
            placesLeft.merge(item, -1, Integer::sum);
            heldItemByTrip.put(tripId, item);
            bookingsByTrip.merge(tripId, 1, Integer::sum);
            String bookingId = service.id() + "-" + (++bookings);
            answersByKey.put(idempotencyKey, bookingId);
            return bookingId;
        }
    }

    /**
     * Gives the trip's place back; cancelling again, or a trip that holds nothing here, has no effect.
     *
     * @return true if this call (or the first call with this key) gave a place back
     */
    public boolean cancel(String idempotencyKey, String tripId) {
        Faults.strike(service.id(), faults);
        synchronized (this) {
            Object earlier = answersByKey.get(idempotencyKey);
            if (earlier != null) {
                return (Boolean) earlier;
            }
            String item = heldItemByTrip.remove(tripId);
            if (item != null) {
                placesLeft.merge(item, 1, Integer::sum);
            }
            answersByKey.put(idempotencyKey, item != null);
            return item != null;
        }
    }

    /** This service's fault switches: down, added latency, transient error rate (as the shop's services have). */
    public void faults(FaultSettings.ServiceFaults next) {
        faults = next == null ? FaultSettings.ServiceFaults.HEALTHY : next;
    }

    public FaultSettings.ServiceFaults faults() {
        return faults;
    }

    /** Sets how many places of one item are left, e.g. 0 to make it sold out. */
    public synchronized void placesLeft(String item, int places) {
        placesLeft.put(item, places);
    }

    public synchronized int placesLeft(String item) {
        return placesLeft.getOrDefault(item, 0);
    }

    /** True while the trip holds a place here (booked and not cancelled). */
    public synchronized boolean holds(String tripId) {
        return heldItemByTrip.containsKey(tripId);
    }

    /** More than one means the trip was booked twice here. */
    public synchronized int bookingCount(String tripId) {
        return bookingsByTrip.getOrDefault(tripId, 0);
    }
}
