package shop.choreography.failures;

import static shop.choreography.events.OrderEvent.idFor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.ShipmentFailed;
import shop.choreography.events.OrderEvent.StockReleased;
import shop.choreography.handlers.Handler;
import shop.domain.Inventory;

/** The inventory service gives the stock back when no carrier could take the parcel. */
public final class InventoryCompensation implements Handler {
    private final Inventory inventory;
    private final Clock clock;

    public InventoryCompensation(Inventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public List<OrderEvent> react(OrderEvent event) {
        if (event instanceof ShipmentFailed failed) {
            // TODO 4: the order's stock is back on the shelf, once however often this runs, and the answer
            //   StockReleased passes the shipment's reason on: the payment service refunds when it sees it. Timed
            //   like every step.
            String id = failed.orderId();
            Instant startedAt = clock.instant();
            inventory.release(id + ":release", id);
            return List.of(new StockReleased(idFor(id, StockReleased.class), id, clock.instant(), startedAt, failed.reason()));
            // end TODO 4
        }
        return List.of();
    }
}
