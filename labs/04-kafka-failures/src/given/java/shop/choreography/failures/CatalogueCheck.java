package shop.choreography.failures;

import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.events.PoisonEvent;
import shop.choreography.handlers.Handler;
import shop.domain.Catalog;
import shop.domain.OrderLine;

/**
 * Anyone who can write to the topic can publish an event, so a service does not take the amount to charge on trust:
 * an event with lines and an amount ("order placed", "payment charged") must price every line as the catalogue does
 * and add up. One that does not was forged, or written by a bug upstream; retrying will not fix it, so it is poison
 * and goes to the dead-letter topic, and nobody is charged. (With prices that change, the check would ask for the
 * price list of the moment the order was placed.) Events with no amount pass as they are.
 */
public final class CatalogueCheck implements Handler {
    private final Catalog catalog;
    private final Handler handler;

    public CatalogueCheck(Catalog catalog, Handler handler) {
        this.catalog = catalog;
        this.handler = handler;
    }

    @Override
    public List<OrderEvent> react(OrderEvent event) {
        if (event instanceof OrderPlaced placed) {
            check(event, placed.lines(), placed.totalCents());
        }
        if (event instanceof PaymentCharged charged) {
            check(event, charged.lines(), charged.amountCents());
        }
        return handler.react(event);
    }

    private void check(OrderEvent event, List<OrderLine> lines, long amountCents) {
        if (lines == null || lines.isEmpty()) {
            throw forged(event, "it has no lines");
        }
        long total = 0;
        for (OrderLine line : lines) {
            Long price = catalog.priceCents(line.sku()).orElse(null);
            if (price == null) {
                throw forged(event, "SKU " + line.sku() + " is not in the catalogue");
            }
            if (line.quantity() < 1) {
                throw forged(event, line.sku() + " has quantity " + line.quantity());
            }
            if (line.unitPriceCents() != price) {
                throw forged(event, line.sku() + " is priced " + line.unitPriceCents() + " cents, the catalogue says " + price);
            }
            try {
                total = Math.addExact(total, Math.multiplyExact(price, line.quantity()));
            } catch (ArithmeticException tooMuch) {
                throw forged(event, "its lines add up to more than a long holds");
            }
        }
        if (total != amountCents) {
            throw forged(event, "its amount is " + amountCents + " cents, the catalogue prices its lines at " + total);
        }
    }

    private static PoisonEvent forged(OrderEvent event, String problem) {
        return new PoisonEvent("price check: " + event.getClass().getSimpleName() + " " + event.eventId() + " refused, "
                + problem, null);
    }
}
