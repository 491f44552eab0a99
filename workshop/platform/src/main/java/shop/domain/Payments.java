package shop.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.observe.OrderLog;

/**
 * Charges and refunds cards. Idempotent by key only, like a real payment provider: a repeated key returns
 * the first answer, but a new key is a new charge. Passing stable keys is the flow's job, and
 * {@link #chargeCount(String)} shows when a flow got it wrong.
 */
public final class Payments {
    public record Charge(String paymentId, String orderId, long amountCents) {}

    /** One line of the ledger, in the order it happened: {@code kind} is "charge" or "refund". */
    public record Entry(String kind, String key, String orderId, long amountCents) {}

    private final Faults faults;
    private final Map<String, Object> answersByKey = new HashMap<>();
    private final Map<String, List<Charge>> chargesByOrder = new HashMap<>();
    private final Map<String, Long> refundedByOrder = new HashMap<>();
    private final List<Entry> ledger = new ArrayList<>();
    private volatile Runnable onLedgerEntry = () -> {};
    private int charges;

    public Payments(Faults faults) {
        this.faults = faults;
    }

    /** @throws PaymentDeclined if the card is declined (cached: the same key is declined again) */
    public Charge charge(String idempotencyKey, String orderId, String customer, long amountCents) {
        return OrderLog.step(orderId, Service.PAYMENT, "charge", () -> doCharge(idempotencyKey, orderId, amountCents));
    }

    private Charge doCharge(String idempotencyKey, String orderId, long amountCents) {
        faults.beforeCall(Service.PAYMENT);
        synchronized (this) {
            Object earlier = answersByKey.get(idempotencyKey);
            if (earlier instanceof PaymentDeclined declined) {
                throw declined;
            }
            if (earlier != null) {
                return (Charge) earlier;
            }
            if (faults.declineCard()) {
                PaymentDeclined declined = new PaymentDeclined(orderId);
                answersByKey.put(idempotencyKey, declined);
                throw declined;
            }
            Charge charge = new Charge("pay-" + (++charges), orderId, amountCents);
            chargesByOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(charge);
            answersByKey.put(idempotencyKey, charge);
            ledger.add(new Entry("charge", idempotencyKey, orderId, amountCents));
            onLedgerEntry.run();
            return charge;
        }
    }

    /** Refunds whatever the order was charged and not yet refunded; an order never charged gets nothing. */
    public void refund(String idempotencyKey, String orderId) {
        OrderLog.step(orderId, Service.PAYMENT, "refund", () -> doRefund(idempotencyKey, orderId));
    }

    private void doRefund(String idempotencyKey, String orderId) {
        faults.beforeCall(Service.PAYMENT);
        synchronized (this) {
            if (answersByKey.putIfAbsent(idempotencyKey, "refunded") == null) {
                refundedByOrder.put(orderId, chargedCents(orderId));
                ledger.add(new Entry("refund", idempotencyKey, orderId, chargedCents(orderId)));
                onLedgerEntry.run();
            }
        }
    }

    public synchronized long chargedCents(String orderId) {
        return chargesByOrder.getOrDefault(orderId, List.of()).stream().mapToLong(Charge::amountCents).sum();
    }

    public synchronized long refundedCents(String orderId) {
        return refundedByOrder.getOrDefault(orderId, 0L);
    }

    /** Runs {@code hook} after each new ledger entry, holding this object's lock: it must return at once. */
    public void onLedgerEntry(Runnable hook) {
        onLedgerEntry = hook;
    }

    /** At most {@code max} ledger entries, from the {@code from}-th on (0 is the first). */
    public synchronized List<Entry> ledger(int from, int max) {
        int start = Math.min(from, ledger.size());
        return List.copyOf(ledger.subList(start, start + Math.min(max, ledger.size() - start)));
    }

    /** More than one means the order was charged twice. */
    public synchronized int chargeCount(String orderId) {
        return chargesByOrder.getOrDefault(orderId, List.of()).size();
    }
}
