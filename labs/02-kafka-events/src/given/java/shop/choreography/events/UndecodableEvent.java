package shop.choreography.events;

/** A record that is not an event we know: bad JSON, a missing or unknown type header. Retrying will not help. */
public final class UndecodableEvent extends PoisonEvent {
    public UndecodableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
