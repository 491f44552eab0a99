package shop.choreography.fraud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.fraud.FraudEvent.FraudCleared;
import shop.choreography.fraud.FraudEvent.FraudRejected;
import shop.choreography.fraud.FraudEvent.ReviewApproved;
import shop.domain.Domain;
import shop.flow.FraudPolicy;
import shop.testkit.Labs;

/**
 * For the tests that run the five services: before the broker starts, the choreography's TODOs are each tried once
 * alone, in their order, so a test fails at once naming the first one still open. (TODO 5 runs on the hold's timer
 * and is left to the tests.)
 */
final class FirstOpenTodo {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String ORDER = "probe-order";

    private FirstOpenTodo() {}

    /** @param needs what the test does, e.g. "these scenarios run the five services" */
    static void ofTheFraudChoreography(String needs) {
        Domain domain = Domain.demo();
        Labs.startWith(needs + ", so it needs TODOs 1 to 7",
                () -> FraudServices.subscriptions(FraudServices.SERVICES.get(0), domain, CLOCK, null),
                () -> checkCharge(FraudPolicy.LIMIT_CENTS),
                () -> checkCharge(FraudPolicy.LIMIT_CENTS + 1),
                () -> {
                    try (FraudCheck check = fraudCheck()) {
                        check.react(new ReviewApproved("probe", ORDER, CLOCK.instant()));
                    }
                },
                () -> new ReserveAfterFraudCheck(domain.inventory(), CLOCK).react(
                        new FraudCleared("probe", ORDER, CLOCK.instant(), CLOCK.instant(), false, "probe", List.of())),
                () -> new RefundRejectedReview(domain.payments(), CLOCK).react(
                        new FraudRejected("probe", ORDER, CLOCK.instant(), CLOCK.instant(), FraudPolicy.REJECTED_REASON)));
    }

    /** No producer: a finished TODO fails on publishing, which counts as done here; an open one throws first. */
    private static void checkCharge(long amountCents) {
        Instant now = CLOCK.instant();
        try (FraudCheck check = fraudCheck()) {
            check.react(new PaymentCharged("probe", ORDER, now, now, "probe", List.of(), amountCents));
        }
    }

    private static FraudCheck fraudCheck() {
        return new FraudCheck(new FraudPolicy(Duration.ofMinutes(1)), null, "probe", CLOCK,
                new ReviewRecovery.State(Map.of(), Set.of()));
    }
}
