package shop.domain;

/** A failure that may go away: the service is down, slow or flaky. Flows retry these. */
public class TransientFailure extends RuntimeException {
    public TransientFailure(String message) {
        super(message, null, false, false);
    }
}
