package shop.orchestration.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderStatus;
import shop.lab.Todo;
import shop.testkit.Labs;

class OrderWorkflowTest {
    private final Domain domain = Domain.demo();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startTemporal() {
        Todo.forget();
        env = TestWorkflowEnvironment.newInstance();
        OrderWorker.register(env.getWorkerFactory(), domain);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void stopTemporal() {
        env.close();
    }

    @Test
    void theWorkflowChargesReservesAndBooks() {
        Order order = order("BOOK-1", 2);
        int stockBefore = domain.inventory().stockLevel("BOOK-1");

        assertThat(OrderStarter.start(client, order)).as("TODO 4: OrderStarter.start returns true when it starts the workflow").isTrue();
        OrderOutcome outcome = awaitOutcome(order);

        assertThat(outcome.status()).as("TODO 2: the workflow returns COMPLETED after charge, reserve, book").isEqualTo(OrderStatus.COMPLETED);
        assertThat(domain.payments().chargedCents(order.id())).as("TODO 1/2: charged the order total").isEqualTo(order.totalCents());
        assertThat(domain.inventory().stockLevel("BOOK-1")).as("TODO 1/2: reserved 2 books").isEqualTo(stockBefore - 2);
        assertThat(domain.shipping().isBooked(order.id())).as("TODO 1/2: booked a carrier").isTrue();
    }

    @Test
    void placingTheSameOrderTwiceStartsOneWorkflow() {
        Order order = order("MUG-1", 1);

        boolean first = OrderStarter.start(client, order);
        boolean second = OrderStarter.start(client, order);
        awaitOutcome(order);

        assertThat(first).as("TODO 4: the first start starts the workflow").isTrue();
        assertThat(second).as("TODO 4: the second start finds the workflow id taken (WorkflowExecutionAlreadyStarted) and returns false").isFalse();
        assertThat(domain.payments().chargeCount(order.id())).as("charges for one order placed twice").isEqualTo(1);
    }

    private OrderOutcome awaitOutcome(Order order) {
        CompletableFuture<OrderOutcome> result = client.newUntypedWorkflowStub(order.id())
                .getResultAsync(OrderOutcome.class);
        Labs.await("the workflow of " + order.id() + " to finish").until(result::isDone);
        return result.join();
    }

    private Order order(String sku, int quantity) {
        long price = domain.catalog().priceCents(sku).orElseThrow();
        return new Order("order-" + UUID.randomUUID(), "alice", List.of(new OrderLine(sku, quantity, price)));
    }
}
