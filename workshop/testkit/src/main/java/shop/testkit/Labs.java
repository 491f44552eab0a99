package shop.testkit;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.opentest4j.AssertionFailedError;
import shop.lab.Todo;

/** Waiting the way every lab test waits: poll a condition, give up after a while, fail at once on a TODO. */
public final class Labs {
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A TODO's message as it reads in a failure that crossed a process or the wire (Temporal quotes it). */
    private static final Pattern TODO_MESSAGE = Pattern.compile("TODO \\d+ is not done yet: [^'\\n]*");

    private Labs() {}

    /**
     * Waits for a condition; if a TODO is reached meanwhile (on any thread: a Kafka handler, a Temporal activity),
     * fails at once with that TODO's own message, e.g. "TODO 5 is not done yet: publish the handler's answers".
     */
    public static ConditionFactory await(String what) {
        return Awaitility.await(what)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .failFast(Todo::rethrowIfReached); // no reason of our own: Awaitility then reports the TODO's message
    }

    /** One TODO's smallest use, run by {@link #startWith} to see whether the TODO is done. */
    @FunctionalInterface
    public interface Probe {
        void run() throws Exception;
    }

    /**
     * For a test that needs several TODOs at once (an end-to-end test): tries each TODO's probe in the order of the
     * TODOs, and fails at once naming the first one still open, so the attendee knows where to start instead of
     * reading about whichever TODO a background thread happened to reach first. A probe that fails in any other way
     * counts as done here: the test itself will say what is wrong. Forgets the TODOs the probes reached.
     *
     * @param needs what the test needs, e.g. "this test runs the four services together (TODOs 1 to 6)"
     */
    public static void startWith(String needs, Probe... probesInTodoOrder) {
        try {
            for (Probe probe : probesInTodoOrder) {
                try {
                    probe.run();
                } catch (Todo open) {
                    throw new AssertionFailedError(open.getMessage() + " (" + needs + "; start with the first one open)", open);
                } catch (Exception | AssertionError otherwise) {
                    // not a placeholder: the test will show what is wrong
                }
            }
        } finally {
            Todo.forget();
        }
    }

    /**
     * Calls the workflow from outside (a query, a signal, a result) and, when it failed because a TODO was reached
     * in the worker, fails with that TODO's own message rather than with the query or gRPC exception around it.
     */
    public static <T> T unwrapped(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            Optional<String> todo = todoIn(e);
            if (todo.isPresent()) {
                throw new AssertionFailedError(todo.get(), e);
            }
            throw e;
        }
    }

    /** The message of the TODO somewhere in this failure's causes, as the placeholder or as the text of one. */
    public static Optional<String> todoIn(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof Todo todo) {
                return Optional.of(todo.getMessage());
            }
            Matcher quoted = TODO_MESSAGE.matcher(String.valueOf(cause.getMessage()));
            if (quoted.find()) {
                return Optional.of(quoted.group());
            }
        }
        return Optional.empty();
    }
}
