package shop.choreography.events;

/**
 * A record no retry will fix: it will fail the same way every time it is delivered. A consumer sets it aside (lab 04
 * dead-letters it) and moves on, instead of stopping its partition for good.
 */
public class PoisonEvent extends RuntimeException {
    public PoisonEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
