package shop.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Charges and refunds cards. Idempotent twice over: a repeated idempotency key returns the first answer,
 * and an order is charged at most once and refunded at most what was charged.
 */
public final class Payments {
    public record Charge(String paymentId, String orderId, long amountCents) {}

    private final Faults faults;
    private final Map<String, Object> answersByKey = new HashMap<>();
    private final Map<String, Charge> chargesByOrder = new HashMap<>();
    private final Map<String, Long> refundsByOrder = new HashMap<>();
    private int charges;

    public Payments(Faults faults) {
        this.faults = faults;
    }

    /** @throws PaymentDeclined if the card is declined (cached: the same key is declined again) */
    public Charge charge(String idempotencyKey, String orderId, String customer, long amountCents) {
        faults.beforeCall(Service.PAYMENT);
        synchronized (this) {
            Object earlier = answersByKey.get(idempotencyKey);
            if (earlier != null) {
                return replay(earlier);
            }
            Charge existing = chargesByOrder.get(orderId);
            if (existing != null) {
                answersByKey.put(idempotencyKey, existing);
                return existing;
            }
            if (faults.declineCard()) {
                PaymentDeclined declined = new PaymentDeclined(orderId);
                answersByKey.put(idempotencyKey, declined);
                throw declined;
            }
            Charge charge = new Charge("pay-" + (++charges), orderId, amountCents);
            chargesByOrder.put(orderId, charge);
            answersByKey.put(idempotencyKey, charge);
            return charge;
        }
    }

    /** Refunds the order's charge; refunding twice, or an order never charged, has no effect. */
    public void refund(String idempotencyKey, String orderId) {
        faults.beforeCall(Service.PAYMENT);
        synchronized (this) {
            if (answersByKey.putIfAbsent(idempotencyKey, "refunded") != null) {
                return;
            }
            Charge charge = chargesByOrder.get(orderId);
            if (charge != null) {
                refundsByOrder.putIfAbsent(orderId, charge.amountCents());
            }
        }
    }

    public synchronized long chargedCents(String orderId) {
        Charge charge = chargesByOrder.get(orderId);
        return charge == null ? 0 : charge.amountCents();
    }

    public synchronized long refundedCents(String orderId) {
        return refundsByOrder.getOrDefault(orderId, 0L);
    }

    public synchronized long totalChargedCents() {
        return chargesByOrder.values().stream().mapToLong(Charge::amountCents).sum();
    }

    public synchronized long totalRefundedCents() {
        return refundsByOrder.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many charges were actually made: more than one per order would be a double charge. */
    public synchronized int chargeCount() {
        return charges;
    }

    private static Charge replay(Object earlier) {
        if (earlier instanceof PaymentDeclined declined) {
            throw declined;
        }
        return (Charge) earlier;
    }
}
