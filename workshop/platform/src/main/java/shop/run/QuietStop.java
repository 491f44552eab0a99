package shop.run;

import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the shop is stopping, the embedded Temporal's long polls that end after its server stopped find their
 * connection gone and say so loudly: an ERROR from the test server ("event executor terminated") and an uncaught
 * "call already closed" on one of its threads, each with a stack trace (seen on Ctrl-C with hundreds of orders in
 * flight). Neither is news then, so they are not printed; every other uncaught failure still is.
 */
final class QuietStop {
    private static final String TEST_SERVER = "io.temporal.internal.testservice";
    private static final AtomicBoolean installed = new AtomicBoolean();

    private QuietStop() {}

    static void silenceTheTestServersLeftovers() {
        ((Logger) LoggerFactory.getLogger(TEST_SERVER)).setLevel(Level.OFF);
        if (!installed.compareAndSet(false, true)) {
            return;
        }
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (failure instanceof IllegalStateException && "call already closed".equals(failure.getMessage())) {
                return;
            }
            if (before != null) {
                before.uncaughtException(thread, failure);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                failure.printStackTrace(System.err);
            }
        });
    }
}
