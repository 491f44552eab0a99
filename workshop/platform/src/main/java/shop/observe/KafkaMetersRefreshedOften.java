package shop.observe;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * A Kafka client's metrics as Micrometer meters, looked for every 5 s instead of every minute. Kafka creates a
 * client's per-topic metrics (records sent per topic, dead letters) only when the client first uses that topic, and
 * {@link KafkaClientMetrics} binds new ones at its refresh: with the default minute, the Kafka dashboard's per-topic
 * panels would stay empty for the first minute of a run.
 */
public final class KafkaMetersRefreshedOften extends KafkaClientMetrics {
    public static final Duration REFRESH = Duration.ofSeconds(5);

    private final ScheduledExecutorService refresher;

    private KafkaMetersRefreshedOften(Producer<?, ?> producer, ScheduledExecutorService refresher) {
        super(producer, Tags.empty(), refresher, REFRESH);
        this.refresher = refresher;
    }

    private KafkaMetersRefreshedOften(Consumer<?, ?> consumer, ScheduledExecutorService refresher) {
        super(consumer, Tags.empty(), refresher, REFRESH);
        this.refresher = refresher;
    }

    public static KafkaClientMetrics of(Producer<?, ?> producer) {
        return new KafkaMetersRefreshedOften(producer, newRefresher());
    }

    public static KafkaClientMetrics of(Consumer<?, ?> consumer) {
        return new KafkaMetersRefreshedOften(consumer, newRefresher());
    }

    /** Stops looking for meters, too: the refresher was handed in, so Micrometer leaves it running. */
    @Override
    public void close() {
        refresher.shutdownNow();
        super.close();
    }

    private static ScheduledExecutorService newRefresher() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kafka-meters-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }
}
