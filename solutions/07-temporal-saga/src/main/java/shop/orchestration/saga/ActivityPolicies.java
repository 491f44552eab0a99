package shop.orchestration.saga;

import java.time.Duration;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;

/** How long an activity may take and how Temporal retries it: the workflow's whole error-handling policy. */
public final class ActivityPolicies {
    private ActivityPolicies() {}

    /**
     * Charge, reserve, book: retry transient errors with exponential backoff, then give up and compensate.
     * A business "no" is thrown non-retryable by the activity, so it is never retried.
     */
    public static final ActivityOptions STEPS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(3))
            // TODO 1: add .setRetryOptions(RetryOptions.newBuilder()...build()): initial interval 50 ms, backoff
            //   coefficient 2, maximum interval 1 s, maximum attempts 10
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofMillis(50))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofSeconds(1))
                    .setMaximumAttempts(10)
                    .build())
            // end TODO 1
            .build();

    /** Refund, release, cancel: giving up would leak money or stock, so retry until done (no maximum). */
    public static final ActivityOptions COMPENSATIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(3))
            // TODO 1: the same retry options without a maximum number of attempts
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofMillis(50))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofSeconds(1))
                    .build())
            // end TODO 1
            .build();
}
