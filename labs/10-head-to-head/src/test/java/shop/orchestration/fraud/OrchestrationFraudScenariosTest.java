package shop.orchestration.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import shop.domain.Order;
import shop.flow.FraudPolicy;
import shop.flow.OrderFlow;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ReviewableFlow;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.testkit.FraudScenarios;
import shop.testkit.Labs;

/**
 * The fraud check in the orchestration flow: every scenario of the shared suite (worker restart included) and
 * the fraud scenarios, on a real Temporal server, with the worker started on its own so it can be stopped.
 */
class OrchestrationFraudScenariosTest extends FraudScenarios {
    private final EmbeddedTemporal temporal = EmbeddedTemporal.start(Ports.pickFree());
    private ReviewWorker worker;

    @Override
    protected String temporalTarget() {
        return temporal.target();
    }

    @Override
    protected ReviewableFlow startReviewableFlow(ShopContext context, FraudPolicy policy) {
        worker = ReviewWorker.start(context, OpenTelemetry.noop());
        return ReviewableOrchestrationFlow.connect(context, policy, OpenTelemetry.noop());
    }

    /** Lab 07's ActivityPolicies.STEPS: 10 attempts, 50 ms doubling to 1 s between them. */
    @Override
    protected Optional<Duration> givesUpOnAServiceThatIsDownAfter() {
        return Optional.of(Duration.ofMillis(5_550));
    }

    @Override
    protected OrderFlow restart(OrderFlow running) {
        worker.close();
        worker = ReviewWorker.start(context, OpenTelemetry.noop());
        return running;
    }

    @Test
    void theReviewTimerFiresInTheServerEvenWithNoWorkerRunning() {
        Order big = order("DESK-1", 3);
        flow.place(big);
        awaitHeld(big);

        worker.close();
        Labs.await("the review timer to fire with the worker down (TODO 1: Workflow.await with the review timeout)")
                .until(() -> !FraudPolicy.STEP.equals(flow.view(big.id()).orElseThrow().currentStep()));
        worker = ReviewWorker.start(context, OpenTelemetry.noop());

        OrderView done = awaitFinal(List.of(big)).get(0);
        assertThat(done.reason()).as("TODO 2: not approved in time is rejected with FraudPolicy.REJECTED_REASON")
                .isEqualTo(FraudPolicy.REJECTED_REASON);
        assertThat(done.timeline()).as("TODO 7: the review ends when the workflow schedules the refund")
                .anySatisfy(entry -> {
                    assertThat(entry.step()).isEqualTo(FraudPolicy.STEP);
                    assertThat(entry.outcome()).isEqualTo(FraudPolicy.REJECTED_REASON);
                });
        assertNoViolations(List.of(done));
    }

    @Test
    void approvingAnOrderThatIsNotHeldChangesNothing() {
        Order small = order("BOOK-1", 1);
        ((ReviewableFlow) flow).approve("order-nobody-placed");
        flow.place(small);
        OrderView done = awaitFinal(List.of(small)).get(0);

        ((ReviewableFlow) flow).approve(small.id());

        assertThat(flow.view(small.id()).orElseThrow()).as("TODO 6: approving a finished order has no effect")
                .isEqualTo(done);
        assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
    }

    private void awaitHeld(Order order) {
        Labs.await("the big order to be held for review (TODO 8: currentStep is \"review\" while the timer runs)")
                .until(() -> flow.view(order.id()).map(view -> FraudPolicy.STEP.equals(view.currentStep())).orElse(false));
    }

    @AfterAll
    void stopWorkerAndServer() {
        if (worker != null) {
            worker.close();
        }
        if (flow != null) {
            flow.close();
            flow = null;
        }
        temporal.close();
    }
}
