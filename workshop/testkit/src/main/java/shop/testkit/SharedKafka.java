package shop.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import shop.infra.EmbeddedKafka;
import shop.infra.Ports;

/**
 * One real Kafka broker for all test classes of a JVM, started on first use of {@link #bootstrapServers()} (so a
 * test that fails on an open TODO before it needs the broker never waits for one) and stopped when the JVM's tests
 * end. Use {@code @ExtendWith(SharedKafka.class)} and {@link #bootstrapServers()}.
 */
public final class SharedKafka implements BeforeAllCallback {
    private static volatile boolean registered;
    private static EmbeddedKafka broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedKafka.class, key -> (AutoCloseable) SharedKafka::stop, AutoCloseable.class);
        registered = true;
    }

    public static synchronized String bootstrapServers() {
        if (!registered) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedKafka.class)");
        }
        if (broker == null) {
            broker = EmbeddedKafka.start(Ports.pickFree());
        }
        return broker.bootstrapServers();
    }

    private static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
