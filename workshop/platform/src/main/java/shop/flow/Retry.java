package shop.flow;

import java.time.Duration;
import java.util.function.Supplier;

import shop.domain.TransientFailure;

/** Retries a call while it fails with a {@link TransientFailure}, with exponential backoff. */
public record Retry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    public static final Retry DEFAULT = new Retry(8, Duration.ofMillis(20), Duration.ofSeconds(1));
    /** For compensations: giving up would leak stock or money, so keep trying. */
    public static final Retry UNTIL_DONE = new Retry(Integer.MAX_VALUE, Duration.ofMillis(20), Duration.ofSeconds(1));

    /** How long the retries of a call that keeps failing last before they give up: the backoffs between attempts. */
    public Duration patience() {
        Duration total = Duration.ZERO;
        Duration backoff = firstBackoff;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            if (backoff.compareTo(maxBackoff) >= 0) {
                return total.plus(maxBackoff.multipliedBy(maxAttempts - attempt));
            }
            total = total.plus(backoff);
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
        return total;
    }

    public <T> T call(Supplier<T> call) {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (TransientFailure e) {
                if (attempt >= maxAttempts || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while waiting to retry");
        }
    }
}
