package shop.lab;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What starter code throws where the attendee has work to do: {@code throw new Todo(3, "publish the event")}.
 * Tests fail at once with the TODO's number instead of waiting for a flow that cannot finish, even when the
 * TODO is reached on a background thread (a Kafka handler, a Temporal activity).
 */
public final class Todo extends UnsupportedOperationException {
    private static final AtomicReference<Todo> firstReached = new AtomicReference<>();

    public Todo(int number, String what) {
        super("TODO " + number + " is not done yet: " + what);
        firstReached.compareAndSet(null, this);
    }

    /** A placeholder where the attendee writes a value: {@code List<NewTopic> topics = Todo.value(3, "the topics");} */
    public static <T> T value(int number, String what) {
        throw new Todo(number, what);
    }

    /** Throws the first TODO reached anywhere in this JVM, if any; tests call it while they wait. */
    public static void rethrowIfReached() {
        Todo reached = firstReached.get();
        if (reached != null) {
            throw reached;
        }
    }

    public static void forget() {
        firstReached.set(null);
    }
}
