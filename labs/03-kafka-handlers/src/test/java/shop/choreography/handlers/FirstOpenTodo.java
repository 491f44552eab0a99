package shop.choreography.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.events.OrderEvent.ShipmentBooked;
import shop.choreography.events.OrderEvent.StockReserved;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.testkit.Labs;

/**
 * For the tests that run services on Kafka: before they start, each handler is tried once alone, in the order of the
 * TODOs, so a test fails naming the first TODO still open (TODO 1 before TODO 5), not whichever TODO a consumer
 * thread happened to reach first. TODOs 5 and 6 (the loop) are then reached in their order.
 */
final class FirstOpenTodo {
    private FirstOpenTodo() {}

    static void ofTheHandlers(String needs) {
        ofTheHandlers(needs, 4);
    }

    /** @param upTo the last handler TODO the test needs (1 to 4) */
    static void ofTheHandlers(String needs, int upTo) {
        Clock clock = Clock.systemUTC();
        Domain domain = Domain.demo();
        Order order = new Order("probe-order", "ada", List.of(new OrderLine("BOOK-1", 1, 1_500)));
        String id = order.id();
        Instant now = clock.instant();
        List<Labs.Probe> probes = List.of(
                () -> new PaymentHandler(domain.payments(), clock).react(OrderPlaced.of(order, now)),
                () -> new InventoryHandler(domain.inventory(), clock).react(new PaymentCharged(
                        OrderEvent.idFor(id, PaymentCharged.class), id, now, now, "ada", order.lines(), order.totalCents())),
                () -> new ShippingHandler(domain.shipping(), clock).react(new StockReserved(
                        OrderEvent.idFor(id, StockReserved.class), id, now, now, "ada")),
                () -> new OrderDecider(clock).react(new ShipmentBooked(
                        OrderEvent.idFor(id, ShipmentBooked.class), id, now, now, "trk-1")));
        Labs.startWith(needs, probes.subList(0, upTo).toArray(Labs.Probe[]::new));
    }
}
