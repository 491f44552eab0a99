package shop.choreography.handlers;

import static shop.choreography.events.OrderEvent.idFor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OutOfStock;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.events.OrderEvent.StockReserved;
import shop.domain.BusinessFailure;
import shop.domain.Inventory;

/** The inventory service: the order is paid for, so reserve its stock. */
public final class InventoryHandler implements Handler {
    private final Inventory inventory;
    private final Clock clock;

    public InventoryHandler(Inventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    // tag::inventory-reacts[]
    @Override
    public List<OrderEvent> react(OrderEvent event) {
        if (event instanceof PaymentCharged charged) {
            return List.of(reserve(charged));
        }
        return List.of();
    }

    private OrderEvent reserve(PaymentCharged charged) {
        // TODO 2: set the paid order's lines aside (inventory.reserve) and answer StockReserved, with what shipping
        //   needs, or OutOfStock with the reason (a BusinessFailure). Handled twice, it reserves once.
        String id = charged.orderId();
        Instant startedAt = clock.instant();
        try {
            inventory.reserve(id + ":reserve", id, charged.lines());
            return new StockReserved(idFor(id, StockReserved.class), id, clock.instant(), startedAt, charged.customer());
        } catch (BusinessFailure noStock) {
            return new OutOfStock(idFor(id, OutOfStock.class), id, clock.instant(), startedAt, noStock.reason());
        }
        // end TODO 2
    }
    // end::inventory-reacts[]
}
