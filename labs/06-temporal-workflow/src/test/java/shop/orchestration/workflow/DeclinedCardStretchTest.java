package shop.orchestration.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.temporal.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.testkit.Labs;

/** Going further: a declined card is an answer, not a crash; the order ends REJECTED instead of the run failing. */
@Tag("stretch")
class DeclinedCardStretchTest {
    private final Domain domain = Domain.demo();
    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    @AfterEach
    void stopTemporal() {
        env.close();
    }

    @Test
    void aDeclinedCardRejectsTheOrderRatherThanFailingTheWorkflow() {
        OrderWorker.register(env.getWorkerFactory(), domain);
        env.start();
        domain.faults().apply(FaultSettings.none().withDeclineRate(1));
        long price = domain.catalog().priceCents("BOOK-1").orElseThrow();
        Order order = new Order("order-" + UUID.randomUUID(), "alice", List.of(new OrderLine("BOOK-1", 1, price)));
        OrderStarter.start(env.getWorkflowClient(), order);

        CompletableFuture<OrderOutcome> result = env.getWorkflowClient().newUntypedWorkflowStub(order.id())
                .getResultAsync(OrderOutcome.class);
        Labs.await("the workflow of " + order.id() + " to end").until(result::isDone);

        try {
            assertThat(result.join()).as("stretch: the outcome of a declined card")
                    .isEqualTo(OrderOutcome.rejected("card-declined", false));
        } catch (CompletionException failedRun) {
            fail("[stretch: a declined card ends the order REJECTED card-declined; here the workflow run failed: "
                    + failedRun.getCause().getMessage() + "]");
        }
    }
}
