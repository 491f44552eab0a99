package shop.choreography.fraud;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import shop.choreography.events.UndecodableEvent;
import shop.choreography.fraud.FraudEvent.FraudCleared;
import shop.choreography.fraud.FraudEvent.FraudRejected;
import shop.choreography.fraud.FraudEvent.ReviewStarted;

/** What the fraud service knew before it stopped, read back from the log: the reviews still open and the orders decided. */
public final class ReviewRecovery {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** @param open the reviews started and not decided, by order id */
    public record State(Map<String, ReviewStarted> open, Set<String> decided) {}

    private ReviewRecovery() {}

    /** Reads the topic from its beginning to its end as it is now (no consumer group, nothing committed). */
    public static State read(String bootstrapServers, String topic) {
        Map<String, ReviewStarted> open = new HashMap<>();
        Set<String> decided = new HashSet<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant giveUp = Instant.now().plus(PATIENCE);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + PATIENCE.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (FraudCodec.isFraudEvent(record.headers())) {
                        FraudEvent event;
                        try {
                            event = FraudCodec.decode(record.headers(), record.value());
                        } catch (UndecodableEvent poison) {
                            continue; // the services dead-letter it; there is nothing to recover from it
                        }
                        if (event instanceof ReviewStarted started) {
                            open.putIfAbsent(started.orderId(), started);
                        } else if (event instanceof FraudCleared || event instanceof FraudRejected) {
                            open.remove(event.orderId());
                            decided.add(event.orderId());
                        }
                    }
                }
            }
        }
        return new State(open, decided);
    }
}
