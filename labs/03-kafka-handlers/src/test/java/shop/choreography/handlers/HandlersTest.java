package shop.choreography.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderCompleted;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.OrderRejected;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.events.OrderEvent.PaymentDeclined;
import shop.choreography.events.OrderEvent.ShipmentBooked;
import shop.choreography.events.OrderEvent.StockReserved;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.lab.Todo;

/** Lab 03, one handler at a time: each reacts to one event and answers with the next, without Kafka. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class HandlersTest {
    private final Clock clock = Clock.systemUTC();
    private final Domain domain = Domain.demo();
    private final Order order = new Order("order-" + UUID.randomUUID(), "ada", List.of(new OrderLine("BOOK-1", 2, 1_500)));
    private final OrderPlaced placed = OrderPlaced.of(order, Instant.now());

    @BeforeEach
    void forgetEarlierTodos() {
        Todo.forget();
    }

    @Test
    void todo1_paymentChargesThePlacedOrderOnceAndSaysSo() {
        PaymentHandler payment = new PaymentHandler(domain.payments(), clock);

        List<OrderEvent> first = payment.react(placed);
        List<OrderEvent> again = payment.react(placed);

        assertThat(first).as("TODO 1: one PaymentCharged in answer to OrderPlaced").singleElement()
                .isInstanceOfSatisfying(PaymentCharged.class, charged -> {
                    assertThat(charged.eventId()).isEqualTo(OrderEvent.idFor(order.id(), PaymentCharged.class));
                    assertThat(charged.amountCents()).isEqualTo(3_000);
                    assertThat(charged.lines()).as("TODO 1: inventory needs the lines").isEqualTo(order.lines());
                    assertThat(charged.customer()).as("TODO 1: shipping needs the customer").isEqualTo("ada");
                });
        assertThat(again).as("TODO 1: the same event delivered twice gets the same answer, with the same event id")
                .singleElement().extracting(OrderEvent::eventId).isEqualTo(first.get(0).eventId());
        assertThat(domain.payments().chargeCount(order.id()))
                .as("TODO 1: charged once, because the idempotency key comes from the order id").isEqualTo(1);
        assertThat(payment.react(new OrderCompleted("x", order.id(), Instant.now())))
                .as("TODO 1: events the payment service does not care about get no answer").isEmpty();
    }

    @Test
    void todo1_aDeclinedCardIsAnEventToo() {
        domain.faults().apply(FaultSettings.none().withDeclineRate(1));

        assertThat(new PaymentHandler(domain.payments(), clock).react(placed))
                .as("TODO 1: a declined card is answered with PaymentDeclined(reason \"card-declined\")").singleElement()
                .isInstanceOfSatisfying(PaymentDeclined.class, declined -> assertThat(declined.reason()).isEqualTo("card-declined"));
    }

    @Test
    void todo2_inventoryReservesThePaidOrder() {
        PaymentCharged charged = (PaymentCharged) new PaymentHandler(domain.payments(), clock).react(placed).get(0);
        int before = domain.inventory().stockLevel("BOOK-1");

        List<OrderEvent> answer = new InventoryHandler(domain.inventory(), clock).react(charged);

        assertThat(answer).as("TODO 2: StockReserved in answer to PaymentCharged").singleElement().isInstanceOf(StockReserved.class);
        assertThat(domain.inventory().stockLevel("BOOK-1")).as("TODO 2: two books set aside").isEqualTo(before - 2);
    }

    @Test
    void todo3_shippingBooksTheReservedOrder() {
        StockReserved reserved = new StockReserved(OrderEvent.idFor(order.id(), StockReserved.class), order.id(),
                Instant.now(), Instant.now(), "ada");

        List<OrderEvent> answer = new ShippingHandler(domain.shipping(), clock).react(reserved);

        assertThat(answer).as("TODO 3: ShipmentBooked in answer to StockReserved").singleElement().isInstanceOf(ShipmentBooked.class);
        assertThat(domain.shipping().isBooked(order.id())).as("TODO 3: a carrier is booked").isTrue();
    }

    @Test
    void todo4_theOrderServiceSaysWhenTheOrderIsOver() {
        OrderDecider decider = new OrderDecider(clock);

        assertThat(decider.react(new ShipmentBooked("b", order.id(), Instant.now(), Instant.now(), "trk-1")))
                .as("TODO 4: ShipmentBooked -> OrderCompleted").singleElement().isInstanceOf(OrderCompleted.class);
        assertThat(decider.react(new PaymentDeclined("d", order.id(), Instant.now(), Instant.now(), "card-declined")))
                .as("TODO 4: PaymentDeclined -> OrderRejected with the same reason, nothing to compensate").singleElement()
                .isInstanceOfSatisfying(OrderRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo("card-declined");
                    assertThat(rejected.compensated()).isFalse();
                });
    }
}
