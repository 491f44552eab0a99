package shop.orchestration.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.orchestration.workflow.DomainActivities;
import shop.orchestration.workflow.ForwardingActivities;
import shop.orchestration.workflow.OrderOutcome;
import shop.orchestration.workflow.OrderStarter;
import shop.orchestration.workflow.Steps;
import shop.testkit.Labs;
import shop.testkit.TodoFailsTheRun;

/** Going further: a carrier that answers in 3.5 s is slow, not down; the booking gets a timeout of its own. */
@Tag("stretch")
class SlowCarrierStretchTest {
    private static final Duration CARRIER_ANSWERS_IN = Duration.ofMillis(3500);

    private final Domain domain = Domain.demo();
    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    @AfterEach
    void stopTemporal() {
        env.close();
    }

    @Test
    void aSlowCarrierBooksAtTheFirstAttempt() {
        AtomicInteger bookings = new AtomicInteger();
        Worker worker = env.newWorker(Steps.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(TodoFailsTheRun.options(), SagaOrderWorkflow.class);
        worker.registerActivitiesImplementations(new ForwardingActivities(new DomainActivities(domain)) {
            @Override
            public String book(Order order) {
                bookings.incrementAndGet();
                try {
                    Thread.sleep(CARRIER_ANSWERS_IN.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.book(order);
            }
        });
        env.start();
        long price = domain.catalog().priceCents("BOOK-1").orElseThrow();
        Order order = new Order("order-" + UUID.randomUUID(), "bob", List.of(new OrderLine("BOOK-1", 1, price)));
        OrderStarter.start(env.getWorkflowClient(), order);
        CompletableFuture<OrderOutcome> result = env.getWorkflowClient().newUntypedWorkflowStub(order.id())
                .getResultAsync(OrderOutcome.class);

        Labs.await("the order to end, or a second booking attempt").until(() -> result.isDone() || bookings.get() > 1);

        assertThat(bookings.get()).as("stretch: a carrier that answers in 3.5 s books at the first attempt").isEqualTo(1);
        assertThat(result.join()).isEqualTo(OrderOutcome.completed());
    }
}
