package shop.choreography.fraud;

import static shop.choreography.events.OrderEvent.idFor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OutOfStock;
import shop.choreography.events.OrderEvent.StockReserved;
import shop.choreography.fraud.FraudEvent.FraudCleared;
import shop.domain.BusinessFailure;
import shop.domain.Inventory;

/** The inventory service's new subscription: the order passed the fraud check (no longer "it is paid"), so reserve its stock. */
public final class ReserveAfterFraudCheck implements FraudReaction {
    private final Inventory inventory;
    private final Clock clock;

    public ReserveAfterFraudCheck(Inventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public List<OrderEvent> react(FraudEvent event) {
        // TODO 6: an order that passed the fraud check gets its stock reserved, once (as lab 03's inventory did), and
        //   the next service hears whether it was. Every other fraud event is not inventory's business.
        if (event instanceof FraudCleared cleared) {
            return List.of(reserve(cleared));
        }
        return List.of();
    }

    private OrderEvent reserve(FraudCleared cleared) {
        String id = cleared.orderId();
        Instant startedAt = clock.instant();
        try {
            inventory.reserve(id + ":reserve", id, cleared.lines());
            return new StockReserved(idFor(id, StockReserved.class), id, clock.instant(), startedAt, cleared.customer());
        } catch (BusinessFailure noStock) {
            return new OutOfStock(idFor(id, OutOfStock.class), id, clock.instant(), startedAt, noStock.reason());
        }
        // end TODO 6
    }
}
