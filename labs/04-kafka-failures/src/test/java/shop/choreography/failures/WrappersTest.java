package shop.choreography.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderCompleted;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.handlers.Handler;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.domain.TransientFailure;
import shop.flow.Retry;
import shop.lab.Todo;

/** Lab 04, the two wrappers on their own: retrying with backoff, and skipping duplicates. */
class WrappersTest {
    private final OrderPlaced placed = OrderPlaced.of(new Order("order-w", "ada", List.of(new OrderLine("MUG-1", 1, 900))),
            Instant.now());
    private final OrderEvent answer = new OrderCompleted("order-w/OrderCompleted", "order-w", Instant.now());

    @BeforeEach
    void forgetEarlierTodos() {
        Todo.forget();
    }

    @Test
    void todo1_aTransientFailureIsRetriedAfterAPause() {
        AtomicInteger calls = new AtomicInteger();
        Handler flaky = event -> {
            if (calls.incrementAndGet() <= 2) {
                throw new TransientFailure("payment service had a transient error");
            }
            return List.of(answer);
        };
        long start = System.nanoTime();

        List<OrderEvent> answers = new RetryWithBackoff(flaky, new Retry(5, Duration.ofMillis(20), Duration.ofSeconds(1))).react(placed);

        assertThat(answers).as("TODO 1: after two transient failures the third call answers").containsExactly(answer);
        assertThat(calls).as("TODO 1: three calls in all").hasValue(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("TODO 1: it waited between tries (20 ms, then 40 ms): backoff, not a busy loop")
                .isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void todo2_anEventSeenBeforeIsNotHandledAgain() {
        AtomicInteger calls = new AtomicInteger();
        Handler counting = event -> {
            calls.incrementAndGet();
            return List.of(answer);
        };
        SkipDuplicates once = new SkipDuplicates(counting);

        List<OrderEvent> first = once.react(placed);
        List<OrderEvent> second = once.react(placed);

        assertThat(first).as("TODO 2: the first delivery is handled").containsExactly(answer);
        assertThat(second).as("TODO 2: the same event id again gets no answer").isEmpty();
        assertThat(calls).as("TODO 2: the handler ran once").hasValue(1);
    }

    @Test
    void todo2_aFailedEventIsNotRememberedAsHandled() {
        AtomicInteger calls = new AtomicInteger();
        Handler failingOnce = event -> {
            if (calls.incrementAndGet() == 1) {
                throw new TransientFailure("down");
            }
            return List.of(answer);
        };
        SkipDuplicates once = new SkipDuplicates(failingOnce);

        try {
            once.react(placed);
        } catch (TransientFailure expected) {
            // redelivered below
        }

        assertThat(once.react(placed)).as("TODO 2: remember an event only once it was handled").containsExactly(answer);
    }
}
