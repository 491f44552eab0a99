package shop.orchestration.saga;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/** Turns a failed activity into the reason an order was rejected. */
public final class Rejections {
    public static final String GAVE_UP = "gave-up-after-retries";

    private Rejections() {}

    /** "card-declined", "out-of-stock", "carrier-unavailable", or {@link #GAVE_UP} after retries or timeouts. */
    public static String reasonOf(ActivityFailure failure) {
        return isDefiniteNo(failure) ? ((ApplicationFailure) failure.getCause()).getType() : GAVE_UP;
    }

    /** The service said no (non-retryable), as opposed to "we do not know what happened" (retries ran out). */
    public static boolean isDefiniteNo(ActivityFailure failure) {
        return failure.getCause() instanceof ApplicationFailure application && application.isNonRetryable();
    }
}
