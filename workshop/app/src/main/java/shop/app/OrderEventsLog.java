package shop.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import shop.choreography.events.EventTopics;

/**
 * The running shop's choreography topics, seen from outside with plain Kafka clients (what kcat does): publish a
 * record, read a partition, and ask where each consumer group has committed.
 */
final class OrderEventsLog implements AutoCloseable {
    /** A broker on a busy laptop can take seconds to answer; nothing listening is found out at once (below). */
    private static final Duration ASK = Duration.ofSeconds(30);

    private final String bootstrap;
    private final EventTopics topics = new EventTopics("");
    private final Admin admin;

    /** Connects, or throws an IllegalArgumentException saying that no Kafka or no choreography answers there. */
    OrderEventsLog(String bootstrap) {
        this.bootstrap = bootstrap;
        refuseIfNothingListens(bootstrap);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK.toMillis()));
        try {
            if (!admin.listTopics().names().get(ASK.toSeconds(), TimeUnit.SECONDS).contains(topics.events())) {
                throw new IllegalArgumentException("Kafka at " + bootstrap + " has no topic " + topics.events()
                        + ": start the shop with the choreography (./shop run --impl choreography)");
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            admin.close(Duration.ZERO);
            throw new IllegalArgumentException("no Kafka answers at " + bootstrap
                    + " (start the shop with ./shop run, or pass --kafka HOST:PORT)");
        } catch (IllegalArgumentException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
    }

    private static void refuseIfNothingListens(String bootstrap) {
        String first = bootstrap.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(first.substring(colon + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--kafka " + bootstrap + ": expected HOST:PORT, e.g. localhost:9092");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(first.substring(0, colon), port), 3_000);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("no Kafka answers at " + bootstrap
                    + " (start the shop with ./shop run, or pass --kafka HOST:PORT)");
        }
    }

    String events() {
        return topics.events();
    }

    String deadLetters() {
        return topics.deadLetters();
    }

    RecordMetadata publish(ProducerRecord<String, byte[]> record) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    /** Where the next record of the partition will go. */
    long end(TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                .get(ASK.toSeconds(), TimeUnit.SECONDS).offset();
    }

    /** The records of a partition from an offset to its end now, that match. */
    List<ConsumerRecord<String, byte[]>> read(TopicPartition partition, long from, Predicate<ConsumerRecord<String, byte[]>> wanted)
            throws Exception {
        long end = end(partition);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(List.of(partition));
            reader.seek(partition, from);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reader.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end && wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** The partitions of order-events. */
    List<TopicPartition> partitions() throws Exception {
        return admin.describeTopics(List.of(events())).allTopicNames().get(ASK.toSeconds(), TimeUnit.SECONDS)
                .get(events()).partitions().stream().map(info -> new TopicPartition(events(), info.partition())).toList();
    }

    /** Where a consumer group will read next on a partition, and whether any member of it is running now. */
    record GroupPosition(String group, long next, boolean running) {}

    /**
     * The consumer groups that read order-events (they have committed on one of its partitions at least), each with
     * where it will read next on this partition (0 if it never committed there).
     */
    List<GroupPosition> readers(TopicPartition partition) throws Exception {
        List<GroupPosition> groups = new ArrayList<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(ASK.toSeconds(), TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(ASK.toSeconds(), TimeUnit.SECONDS);
            if (offsets.keySet().stream().anyMatch(committed -> committed.topic().equals(partition.topic()))) {
                OffsetAndMetadata here = offsets.get(partition);
                boolean running = group.groupState().map(state -> state != GroupState.EMPTY && state != GroupState.DEAD)
                        .orElse(true);
                groups.add(new GroupPosition(group.groupId(), here == null ? 0 : here.offset(), running));
            }
        }
        groups.sort(Comparator.comparing(GroupPosition::group));
        return groups;
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
