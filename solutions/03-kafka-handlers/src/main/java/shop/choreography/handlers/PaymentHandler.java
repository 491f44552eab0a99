package shop.choreography.handlers;

import static shop.choreography.events.OrderEvent.idFor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.events.OrderEvent.PaymentDeclined;
import shop.domain.BusinessFailure;
import shop.domain.Payments;

/** The payment service: an order was placed, so charge the card. */
public final class PaymentHandler implements Handler {
    private final Payments payments;
    private final Clock clock;

    public PaymentHandler(Payments payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public List<OrderEvent> react(OrderEvent event) {
        if (event instanceof OrderPlaced placed) {
            return List.of(charge(placed));
        }
        return List.of();
    }

    private OrderEvent charge(OrderPlaced placed) {
        // TODO 1: note the time (startedAt = clock.instant()), then charge the card:
        //   payments.charge(idempotency key, order id, customer, total). The key must be the same every time this
        //   order is charged (e.g. order id + ":charge"): a redelivered event must not charge twice.
        //   Answer with a PaymentCharged (event id idFor(order id, PaymentCharged.class), now, startedAt, and what
        //   inventory and shipping will need: customer, lines, amount).
        //   A BusinessFailure means the card was declined: answer PaymentDeclined with its reason() instead.
        String id = placed.orderId();
        Instant startedAt = clock.instant();
        try {
            // the key comes from the order id: charging the same order again returns the first answer
            payments.charge(id + ":charge", id, placed.customer(), placed.totalCents());
            return new PaymentCharged(idFor(id, PaymentCharged.class), id, clock.instant(), startedAt,
                    placed.customer(), placed.lines(), placed.totalCents());
        } catch (BusinessFailure declined) {
            return new PaymentDeclined(idFor(id, PaymentDeclined.class), id, clock.instant(), startedAt, declined.reason());
        }
        // end TODO 1
    }
}
