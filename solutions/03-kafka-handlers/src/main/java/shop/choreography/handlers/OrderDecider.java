package shop.choreography.handlers;

import static shop.choreography.events.OrderEvent.idFor;

import java.time.Clock;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderCompleted;
import shop.choreography.events.OrderEvent.OrderRejected;
import shop.choreography.events.OrderEvent.PaymentDeclined;
import shop.choreography.events.OrderEvent.ShipmentBooked;

/** The order service's part in the flow: it says when an order is over. It tells no other service what to do. */
public final class OrderDecider implements Handler {
    private final Clock clock;

    public OrderDecider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<OrderEvent> react(OrderEvent event) {
        // TODO 4: the order service ends the order, and does nothing else: a booked shipment completes it; a declined
        //   payment rejects it, with the decline's reason and nothing to undo (nothing was done yet).
        if (event instanceof ShipmentBooked booked) {
            return List.of(new OrderCompleted(idFor(booked.orderId(), OrderCompleted.class), booked.orderId(), clock.instant()));
        }
        if (event instanceof PaymentDeclined declined) {
            return List.of(new OrderRejected(idFor(declined.orderId(), OrderRejected.class), declined.orderId(),
                    clock.instant(), declined.reason(), false));
        }
        // end TODO 4
        return List.of();
    }
}
