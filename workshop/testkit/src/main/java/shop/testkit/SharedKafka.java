package shop.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import shop.infra.EmbeddedKafka;
import shop.infra.Ports;

/**
 * One real Kafka broker for all test classes of a JVM, started on first use and stopped when the JVM's tests end.
 * Use {@code @ExtendWith(SharedKafka.class)} and {@link #bootstrapServers()}.
 */
public final class SharedKafka implements BeforeAllCallback {
    private static volatile EmbeddedKafka broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedKafka.class, key -> {
                    broker = EmbeddedKafka.start(Ports.pickFree());
                    return broker;
                }, EmbeddedKafka.class);
    }

    public static String bootstrapServers() {
        if (broker == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedKafka.class)");
        }
        return broker.bootstrapServers();
    }
}
