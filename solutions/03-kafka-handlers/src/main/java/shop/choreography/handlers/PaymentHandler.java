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
        // TODO 1: charge the order (payments.charge) and say what happened, as a fact: PaymentCharged, carrying what
        //   inventory and shipping will need, or PaymentDeclined with the reason when the card is refused (a
        //   BusinessFailure). Kafka delivers at least once: the same OrderPlaced handled twice must charge once, and
        //   answer with the same event id. The step's start and end (clock) make the order's timeline.
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
