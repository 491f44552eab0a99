package shop.testkit;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import shop.lab.Todo;

/** Waiting the way every lab test waits: poll a condition, give up after a while, fail at once on a TODO. */
public final class Labs {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Labs() {}

    public static ConditionFactory await(String what) {
        return Awaitility.await(what)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .failFast("a TODO in the lab code was reached", Todo::rethrowIfReached);
    }
}
