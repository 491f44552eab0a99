package shop.orchestration.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderFlow;
import shop.flow.OrderHistory;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.ServiceControl;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.testkit.Labs;

/**
 * What the console and {@code ./shop history} show of the orchestration: an order's workflow history condensed to
 * a line per event, and the in-process worker stopped and started again (a new worker, as a stopped worker factory
 * cannot start again).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrchestrationConsoleTest {
    private final Domain domain = Domain.demo();
    private EmbeddedTemporal temporal;
    private OrderFlow flow;

    @BeforeAll
    void start() {
        temporal = EmbeddedTemporal.start(Ports.pickFree());
        ShopContext context = new ShopContext(domain, new SimpleMeterRegistry(), OrderListener.NONE, null,
                temporal.target(), Set.of());
        flow = new OrchestrationFlowFactory(OpenTelemetry.noop()).create(context);
    }

    @AfterAll
    void stop() {
        if (flow != null) {
            flow.close();
        }
        temporal.close();
    }

    @Test
    void anOrdersHistoryNamesEachActivityInOrder() {
        Order order = order("BOOK-1");
        flow.place(order);
        awaitStatus(order, OrderStatus.COMPLETED);

        List<OrderHistory.Entry> history = ((OrderHistory) flow).history(order.id());
        assertThat(history.get(0).type()).isEqualTo("WORKFLOW_EXECUTION_STARTED");
        assertThat(history.get(history.size() - 1).type()).isEqualTo("WORKFLOW_EXECUTION_COMPLETED");
        assertThat(history).filteredOn(entry -> entry.type().equals("ACTIVITY_TASK_COMPLETED"))
                .extracting(OrderHistory.Entry::detail).containsExactly("Charge", "Reserve", "Book");
        assertThat(history).extracting(OrderHistory.Entry::eventId).isSorted();
        assertThat(((OrderHistory) flow).history("no-such-order")).isEmpty();
    }

    @Test
    void anOutOfStockOrderShowsTheFailureAndTheRefund() {
        domain.faults().apply(FaultSettings.none().withOutOfStock(Set.of("LAMP-1")));
        try {
            Order order = order("LAMP-1");
            flow.place(order);
            awaitStatus(order, OrderStatus.REJECTED);

            List<OrderHistory.Entry> history = ((OrderHistory) flow).history(order.id());
            assertThat(history).filteredOn(entry -> entry.type().equals("ACTIVITY_TASK_FAILED"))
                    .extracting(OrderHistory.Entry::detail).singleElement().asString()
                    .startsWith("Reserve failed: ").contains("out-of-stock");
            assertThat(history).filteredOn(entry -> entry.type().equals("ACTIVITY_TASK_SCHEDULED"))
                    .extracting(OrderHistory.Entry::detail).contains("Refund");
        } finally {
            domain.faults().apply(FaultSettings.none());
        }
    }

    @Test
    void aStoppedWorkerHoldsOrdersUntilANewOneStarts() {
        ServiceControl control = (ServiceControl) flow;
        assertThat(control.stoppableServices()).containsExactly(OrchestrationFlowFactory.WORKER);

        control.stop(OrchestrationFlowFactory.WORKER);
        assertThat(control.isRunning(OrchestrationFlowFactory.WORKER)).isFalse();
        Order order = order("MUG-1");
        flow.place(order);
        Labs.await("the order's first workflow task to wait for a worker").until(() ->
                ((OrderHistory) flow).history(order.id()).stream().anyMatch(e -> e.type().equals("WORKFLOW_TASK_SCHEDULED")));
        assertThat(flow.view(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(((OrderHistory) flow).history(order.id())).extracting(OrderHistory.Entry::type)
                .as("no worker has picked the task up").doesNotContain("WORKFLOW_TASK_STARTED");

        control.start(OrchestrationFlowFactory.WORKER);

        assertThat(control.isRunning(OrchestrationFlowFactory.WORKER)).isTrue();
        awaitStatus(order, OrderStatus.COMPLETED);
        assertThat(domain.payments().chargeCount(order.id())).isEqualTo(1);
    }

    private void awaitStatus(Order order, OrderStatus status) {
        Labs.await("order " + order.id() + " to be " + status).until(() ->
                flow.view(order.id()).map(view -> view.status() == status).orElse(false));
    }

    private Order order(String sku) {
        long price = domain.catalog().priceCents(sku).orElseThrow();
        return new Order("order-" + UUID.randomUUID(), "ada", List.of(new OrderLine(sku, 1, price)));
    }
}
