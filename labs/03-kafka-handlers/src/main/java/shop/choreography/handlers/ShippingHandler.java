package shop.choreography.handlers;

import static shop.choreography.events.OrderEvent.idFor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.ShipmentBooked;
import shop.choreography.events.OrderEvent.ShipmentFailed;
import shop.choreography.events.OrderEvent.StockReserved;
import shop.domain.BusinessFailure;
import shop.domain.Shipping;
import shop.lab.Todo;

/** The shipping service: the stock is set aside, so book a carrier. */
public final class ShippingHandler implements Handler {
    private final Shipping shipping;
    private final Clock clock;

    public ShippingHandler(Shipping shipping, Clock clock) {
        this.shipping = shipping;
        this.clock = clock;
    }

    @Override
    public List<OrderEvent> react(OrderEvent event) {
        if (event instanceof StockReserved reserved) {
            return List.of(book(reserved));
        }
        return List.of();
    }

    private OrderEvent book(StockReserved reserved) {
        // TODO 3: book a carrier for the reserved order (shipping.book) and answer ShipmentBooked with its tracking
        //   id, or ShipmentFailed with the reason (a BusinessFailure). Handled twice, it books once.
        throw new Todo(3, "book a carrier and answer ShipmentBooked or ShipmentFailed");
        // end TODO 3
    }
}
