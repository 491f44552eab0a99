package shop.orchestration.saga;

import java.time.Duration;

import io.temporal.activity.ActivityOptions;

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
            // end TODO 1
            .build();

    /** Refund, release, cancel: giving up would leak money or stock, so retry until done (no maximum). */
    public static final ActivityOptions COMPENSATIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(3))
            // TODO 1: the same retry options without a maximum number of attempts
            // end TODO 1
            .build();
}
