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
            // TODO 4: release the order's stock (inventory.release with a stable key, e.g. order id + ":release") and
            //   answer StockReleased with the shipment's failure reason: the payment service refunds when it sees it.
            String id = failed.orderId();
            Instant startedAt = clock.instant();
            inventory.release(id + ":release", id);
            return List.of(new StockReleased(idFor(id, StockReleased.class), id, clock.instant(), startedAt, failed.reason()));
            // end TODO 4
        }
        return List.of();
    }
}
