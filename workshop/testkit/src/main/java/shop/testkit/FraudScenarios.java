package shop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import shop.domain.Order;
import shop.flow.FraudPolicy;
import shop.flow.OrderFlow;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ReviewableFlow;
import shop.flow.ShopContext;

/**
 * Lab 10's fraud check, the same scenarios for both flows. Extends the shared suite, so a flow with the fraud check
 * must still pass every scenario of {@link OrderFlowScenarios} as well.
 */
public abstract class FraudScenarios extends OrderFlowScenarios {
    /** Short, so the timeout scenario is quick; the flows under test are built with it. */
    protected static final FraudPolicy POLICY = new FraudPolicy(Duration.ofSeconds(2));

    protected abstract ReviewableFlow startReviewableFlow(ShopContext context, FraudPolicy policy);

    @Override
    protected final OrderFlow startFlow(ShopContext context) {
        return startReviewableFlow(context, POLICY);
    }

    private ReviewableFlow reviewable() {
        return (ReviewableFlow) flow;
    }

    @Test
    void aSmallOrderIsNotHeldForReview() {
        Order small = order("BOOK-1", 1);
        flow.place(small);

        OrderView done = awaitFinal(List.of(small)).get(0);

        assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(done.timeline()).extracting(entry -> entry.step()).doesNotContain(FraudPolicy.STEP);
    }

    @Test
    void aBigOrderThatIsApprovedCompletes() {
        Order big = order("DESK-1", 3);
        assertThat(POLICY.needsReview(big.totalCents())).as("3 desks are over the limit").isTrue();
        flow.place(big);

        Labs.await("the big order to be held for review").until(() -> flow.view(big.id())
                .map(view -> FraudPolicy.STEP.equals(view.currentStep())).orElse(false));
        reviewable().approve(big.id());

        OrderView done = awaitFinal(List.of(big)).get(0);
        assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(done.timeline()).extracting(entry -> entry.service() + "/" + entry.step())
                .containsSubsequence("payment/charge", FraudPolicy.SERVICE + "/" + FraudPolicy.STEP, "inventory/reserve");
        assertNoViolations(List.of(done));
    }

    @Test
    void aBigOrderNobodyApprovesIsRejectedAndRefunded() {
        var stockBefore = domain.inventory().stockLevels();
        Order big = order("DESK-1", 3);
        flow.place(big);

        OrderView done = awaitFinal(List.of(big)).get(0);

        assertThat(done.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(done.reason()).isEqualTo(FraudPolicy.REJECTED_REASON);
        assertThat(done.compensated()).isTrue();
        assertThat(domain.payments().refundedCents(big.id())).isEqualTo(big.totalCents());
        assertThat(domain.inventory().stockLevels()).isEqualTo(stockBefore);
        assertNoViolations(List.of(done));
    }
}
