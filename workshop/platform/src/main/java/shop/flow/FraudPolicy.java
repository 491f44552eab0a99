package shop.flow;

import java.time.Duration;

/**
 * The business rule lab 10 adds to both flows, and the names both must use for it.
 *
 * @param reviewTimeout how long a held order waits for approval before it is rejected
 */
public record FraudPolicy(Duration reviewTimeout) {
    /** Orders above this total (in cents) are held for review. */
    public static final long LIMIT_CENTS = 50_000;
    /** The timeline's service and step for the check. */
    public static final String SERVICE = "fraud";
    public static final String STEP = "review";
    /** The reason of an order rejected because nobody approved it in time. */
    public static final String REJECTED_REASON = "review-timed-out";

    public boolean needsReview(long totalCents) {
        return totalCents > LIMIT_CENTS;
    }
}
