package shop.infracheck;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import shop.testkit.Topics;

/**
 * Real Kafka clients with their metrics bound to the shop's registry the way the choreography binds them
 * (Micrometer KafkaClientMetrics), moving records through a topic and a dead-letter topic, so the Kafka
 * dashboard's queries meet the names the clients really emit. Not the choreography itself.
 */
final class KafkaTraffic implements AutoCloseable {
    static final String TOPIC = "order-events";
    static final String DEAD_LETTERS = "order-events.dlq";

    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kafka-metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaClientMetrics producerMetrics;
    private final KafkaClientMetrics consumerMetrics;
    private int sent;
    private int consumed;

    KafkaTraffic(String bootstrap, MeterRegistry registry) {
        Topics.create(bootstrap, 1, TOPIC, DEAD_LETTERS);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "infra-check-producer"),
                new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "infra-check",
                ConsumerConfig.CLIENT_ID_CONFIG, "consumer-infra-check-1",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
        // Per-topic metrics appear after the first record; refresh often so the scrape sees them at once.
        producerMetrics = new KafkaClientMetrics(producer, Tags.empty(), refresher, Duration.ofMillis(500));
        consumerMetrics = new KafkaClientMetrics(consumer, Tags.empty(), refresher, Duration.ofMillis(500));
        producerMetrics.bindTo(registry);
        consumerMetrics.bindTo(registry);
    }

    /** Sends records (one of them to the dead-letter topic) and consumes and commits half of them. */
    void sendAndConsumeSome(int records) {
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(TOPIC, "order-" + sent, "{}"));
            sent++;
        }
        producer.send(new ProducerRecord<>(DEAD_LETTERS, "order-" + sent, "{}"));
        producer.flush();
        int target = consumed + records / 2;
        await("the consumer to read " + target + " records").atMost(Duration.ofSeconds(30)).until(() -> {
            consumed += consumer.poll(Duration.ofMillis(100)).count();
            return consumed >= target;
        });
        consumer.commitSync();
    }

    @Override
    public void close() {
        producerMetrics.close();
        consumerMetrics.close();
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
        refresher.shutdownNow();
    }
}
