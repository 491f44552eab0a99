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
            // TODO 1: retry what may work next time: soon after the first failure (tens of milliseconds), twice as
            //   long before each next attempt but never more than a second, and give up after about ten attempts
            //   so the saga can compensate. API: RetryOptions.
            // end TODO 1
            .build();

    /** Refund, release, cancel: giving up would leak money or stock, so retry until done (no maximum). */
    public static final ActivityOptions COMPENSATIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(3))
            // TODO 1: retry the same way, but never give up: an undo that stops halfway leaks money or stock.
            // end TODO 1
            .build();
}
