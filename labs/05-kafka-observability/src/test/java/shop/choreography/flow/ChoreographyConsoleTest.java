package shop.choreography.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderListener;
import shop.flow.OrderRecords;
import shop.flow.OrderStatus;
import shop.flow.ShopContext;
import shop.choreography.observe.FirstOpenTodo;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;

/** What the console shows of the choreography: an order's records, and a service stopped and started again. */
@ExtendWith(SharedKafka.class)
class ChoreographyConsoleTest {
    private final Domain domain = Domain.demo();
    private final ShopContext context = new ShopContext(domain, new SimpleMeterRegistry(), OrderListener.NONE,
            SharedKafka.bootstrapServers(), null, Set.of());

    @BeforeEach
    void startWithTheFirstOpenTodo() {
        FirstOpenTodo.ofTheChoreography("this test runs the choreography");
    }

    @Test
    void anOrdersRecordsSitOnOnePartitionAndCarryItsTrace() {
        Order order = order(domain);
        try (ChoreographyFlow flow = new ChoreographyFlow(context, "console-" + UUID.randomUUID() + ".", Set.copyOf(ChoreographyFlow.SERVICES))) {
            flow.place(order);
            Labs.await("the order to complete").until(() -> completed(flow, order));
            Labs.await("the order's five records").until(() -> flow.records(order.id()).size() == 5);

            List<OrderRecords.Entry> records = flow.records(order.id());
            assertThat(records).extracting(OrderRecords.Entry::type).containsExactly(
                    "OrderPlaced", "PaymentCharged", "StockReserved", "ShipmentBooked", "OrderCompleted");
            assertThat(records).extracting(OrderRecords.Entry::partition).as("one key, one partition").containsOnly(records.get(0).partition());
            assertThat(records).allSatisfy(record -> assertThat(record.headers()).containsKey("traceparent"));
        }
    }

    @Test
    void aStoppedServiceHoldsOrdersUntilItStartsAgain() {
        Order order = order(domain);
        try (ChoreographyFlow flow = new ChoreographyFlow(context, "console-" + UUID.randomUUID() + ".", Set.copyOf(ChoreographyFlow.SERVICES))) {
            flow.stop("payment");
            assertThat(flow.isRunning("payment")).isFalse();
            flow.place(order);
            Labs.await("the order to wait for payment").until(() -> flow.view(order.id())
                    .map(view -> "charge".equals(view.currentStep())).orElse(false));

            flow.start("payment");

            Labs.await("the order to complete once payment runs again").until(() -> completed(flow, order));
            assertThat(domain.payments().chargeCount(order.id())).isEqualTo(1);
        }
    }

    private static boolean completed(ChoreographyFlow flow, Order order) {
        return flow.view(order.id()).map(view -> view.status() == OrderStatus.COMPLETED).orElse(false);
    }

    private static Order order(Domain domain) {
        long price = domain.catalog().priceCents("BOOK-1").orElseThrow();
        return new Order("order-" + UUID.randomUUID(), "ada", List.of(new OrderLine("BOOK-1", 1, price)));
    }
}
