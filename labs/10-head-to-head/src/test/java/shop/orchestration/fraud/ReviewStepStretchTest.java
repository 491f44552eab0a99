package shop.orchestration.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.testkit.Labs;

/**
 * Going further 2: the review reaches the business meters as a step, like the activities StepTimer reports, and
 * only once, although the workflow's code runs again each time a worker replays its history.
 */
@Tag("stretch")
class ReviewStepStretchTest {
    private final Domain domain = Domain.demo();
    private final List<String> reviewsReported = new CopyOnWriteArrayList<>();
    private final OrderListener recording = new OrderListener() {
        @Override
        public void stepFinished(String impl, String service, String step, Duration duration, String outcome) {
            if (FraudPolicy.STEP.equals(step)) {
                reviewsReported.add(impl + " " + service + " " + step + " " + outcome);
            }
        }
    };
    private FraudOrchestration orchestration;

    @AfterEach
    void stop() {
        if (orchestration != null) {
            orchestration.close();
        }
    }

    @Test
    void anApprovedReviewIsReportedOnceThoughTheWorkflowIsReplayed() {
        orchestration = FraudOrchestration.start(domain, recording, new FraudPolicy(Duration.ofMinutes(10)),
                OpenTelemetry.noop());
        ReviewableOrchestrationFlow flow = orchestration.flow();
        long price = domain.catalog().priceCents("DESK-1").orElseThrow();
        Order big = new Order("order-" + UUID.randomUUID(), "customer-reviewed", List.of(new OrderLine("DESK-1", 3, price)));
        flow.place(big);
        Labs.await("the big order to be held for review").until(() -> flow.view(big.id())
                .map(view -> FraudPolicy.STEP.equals(view.currentStep())).orElse(false));

        orchestration.restartWorker(); // the new worker replays the order's history from the start
        flow.approve(big.id());
        Labs.await("the approved order to be COMPLETED").until(() -> flow.view(big.id())
                .map(view -> view.status() == OrderStatus.COMPLETED).orElse(false));

        assertThat(reviewsReported)
                .as("stretch: the workflow reports its review to the OrderListener (stepFinished with service \"fraud\","
                        + " step \"review\", outcome \"ok\" when approved) exactly once, although it was replayed")
                .containsExactly("orchestration fraud review ok");
    }
}
