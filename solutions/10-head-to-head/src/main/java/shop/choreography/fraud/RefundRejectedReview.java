package shop.choreography.fraud;

import static shop.choreography.events.OrderEvent.idFor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.PaymentRefunded;
import shop.choreography.fraud.FraudEvent.FraudRejected;
import shop.domain.Payments;

/**
 * The payment service's new subscription: the review timed out, so give the money back. The order service already
 * turns "payment refunded" into a compensated rejection with the refund's reason (lab 04): it needs no change.
 */
public final class RefundRejectedReview implements FraudReaction {
    private final Payments payments;
    private final Clock clock;

    public RefundRejectedReview(Payments payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public List<OrderEvent> react(FraudEvent event) {
        // TODO 7: an order whose review was rejected gets its money back, once however often the event comes, and
        //   the order service hears why. Every other fraud event is not payment's business.
        if (event instanceof FraudRejected rejected) {
            String id = rejected.orderId();
            Instant startedAt = clock.instant();
            payments.refund(id + ":refund", id);
            return List.of(new PaymentRefunded(idFor(id, PaymentRefunded.class), id, clock.instant(), startedAt, rejected.reason()));
        }
        return List.of();
        // end TODO 7
    }
}
