package shop.domain;

/**
 * A definite "no" from a domain service: retrying the same call gives the same answer.
 * Flows reject the order (and compensate what was done) instead of retrying.
 */
public abstract class BusinessFailure extends RuntimeException {
    protected BusinessFailure(String message) {
        super(message, null, false, false);
    }

    /** A short, stable reason for metrics tags and timelines, e.g. "card-declined". */
    public abstract String reason();
}
