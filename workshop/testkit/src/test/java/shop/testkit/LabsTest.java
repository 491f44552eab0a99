package shop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shop.lab.Todo;

class LabsTest {
    @AfterEach
    void forget() {
        Todo.forget();
    }

    @Test
    void aTodoReachedOnAnotherThreadFailsTheWaitAtOnceWithItsOwnMessage() throws Exception {
        Thread handler = new Thread(() -> {
            try {
                throw new Todo(5, "publish the handler's answers");
            } catch (Todo swallowedByALoop) {
                // a consumer loop logs it and tries again: only the test's wait can tell
            }
        });
        handler.start();
        handler.join();
        long start = System.nanoTime();

        assertThatThrownBy(() -> Labs.await("every order COMPLETED").until(() -> false))
                .isInstanceOf(TerminalFailureException.class)
                .hasMessage("TODO 5 is not done yet: publish the handler's answers")
                .hasCauseInstanceOf(Todo.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void startWithNamesTheFirstOpenTodoInTodoOrderAndForgetsThem() {
        AtomicBoolean laterProbeRan = new AtomicBoolean();

        assertThatThrownBy(() -> Labs.startWith("this test runs the whole flow (TODOs 1 to 3)",
                () -> { throw new IllegalStateException("done, but wrong: the test will say so"); },
                () -> { throw new Todo(2, "reserve the stock"); },
                () -> laterProbeRan.set(true)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("TODO 2 is not done yet: reserve the stock (this test runs the whole flow (TODOs 1 to 3); "
                        + "start with the first one open)");
        assertThat(laterProbeRan).as("probes after the first open TODO don't run").isFalse();
        Todo.rethrowIfReached(); // forgotten: does not throw
    }

    @Test
    void startWithPassesWhenNoProbeReachesATodo() {
        Labs.startWith("nothing open", () -> {}, () -> {});
    }

    @Test
    void unwrappedFailsWithTheTodoQuotedInsideAWrappedFailure() {
        RuntimeException fromTheWorker = new RuntimeException("query failed", new IllegalStateException(
                "message='TODO 1 is not done yet: answer the progress query', type='shop.lab.Todo', nonRetryable=false"));

        assertThatThrownBy(() -> Labs.unwrapped(() -> { throw fromTheWorker; }))
                .isInstanceOf(AssertionError.class)
                .hasMessage("TODO 1 is not done yet: answer the progress query")
                .hasCause(fromTheWorker);
    }

    @Test
    void unwrappedLeavesOtherFailuresAndAnswersAlone() {
        IllegalStateException other = new IllegalStateException("no TODO here");

        assertThatThrownBy(() -> Labs.unwrapped(() -> { throw other; })).isSameAs(other);
        assertThat(Labs.unwrapped(() -> "answer")).isEqualTo("answer");
    }
}
