package shop.choreography.failures;

import static shop.choreography.events.OrderEvent.idFor;

import java.time.Clock;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderRejected;
import shop.choreography.events.OrderEvent.PaymentRefunded;
import shop.choreography.handlers.Handler;
import shop.lab.Todo;

/** The order service ends an undone order: the refund is the last step of every compensation. */
public final class OrderCompensation implements Handler {
    private final Clock clock;

    public OrderCompensation(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<OrderEvent> react(OrderEvent event) {
        if (event instanceof PaymentRefunded refunded) {
            // TODO 5: a refund is the last undo of every compensation, so the order ends here: rejected, with the
            //   refund's reason, and marked compensated (a declined card, which OrderDecider ends, undid nothing).
            throw new Todo(5, "reject the order once it is refunded (OrderCompensation.java)");
            // end TODO 5
        }
        return List.of();
    }
}
