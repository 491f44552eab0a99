package shop.choreography.failures;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.choreography.events.OrderEvent;
import shop.choreography.handlers.LoopHooks;
import shop.choreography.handlers.RecordProcessor;

/**
 * The gap that at-least-once leaves: a service publishes its answers, then commits its offsets. If the process dies
 * in between, the records come again after the restart, and {@link SkipDuplicates}' memory died with it. The
 * domain's idempotency keys would catch the repeat if the domain outlived the process; in this shop the payment
 * provider, the warehouse and the carriers are simulations inside the same process, so a crash forgets them too and
 * the card would be charged again.
 * <p>
 * So every answer carries a header naming the record it answers ({@value #HEADER}: group|topic|partition|offset),
 * and a starting service first reads the log from its committed offsets to the end: a record it finds answered
 * there was handled before the crash, and is skipped (committed without calling the handler). The log is the
 * service's memory. (Kafka transactions close the same gap for the events, not for the charge: lab 04's stretch goal.)
 */
public final class AnsweredBeforeCrash implements RecordProcessor {
    public static final String HEADER = "answer-to";
    private static final Logger log = LoggerFactory.getLogger(AnsweredBeforeCrash.class);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final RecordProcessor processor;
    private final String group;
    private final Set<String> answered;

    private AnsweredBeforeCrash(RecordProcessor processor, String group, Set<String> answered) {
        this.processor = processor;
        this.group = group;
        this.answered = answered;
    }

    /** Reads what this group answered but did not commit; call it before the group's consumer starts. */
    public static AnsweredBeforeCrash recover(RecordProcessor processor, String bootstrapServers, String topic,
                                              String group) {
        Set<String> answered = ConcurrentHashMap.newKeySet();
        try {
            answered.addAll(answeredSinceLastCommit(bootstrapServers, topic, group));
        } catch (Exception e) {
            log.warn("{}: could not read what it answered before a restart ({}); records not committed are handled again",
                    group, e.toString());
        }
        if (!answered.isEmpty()) {
            log.info("{}: {} record(s) were answered but not committed before a restart: they will be skipped", group,
                    answered.size());
        }
        return new AnsweredBeforeCrash(processor, group, answered);
    }

    /** The loop's hooks, plus the {@value #HEADER} header on every answer. */
    public static LoopHooks marking(LoopHooks hooks, String group) {
        return new LoopHooks() {
            @Override
            public void consumerCreated(Consumer<?, ?> consumer) {
                hooks.consumerCreated(consumer);
            }

            @Override
            public void consumerClosing(Consumer<?, ?> consumer) {
                hooks.consumerClosing(consumer);
            }

            @Override
            public Handling handling(ConsumerRecord<String, byte[]> input) {
                return hooks.handling(input);
            }

            @Override
            public Map<String, String> headersFor(ConsumerRecord<String, byte[]> input) {
                Map<String, String> headers = new LinkedHashMap<>(hooks.headersFor(input));
                headers.put(HEADER, mark(group, input));
                return headers;
            }
        };
    }

    @Override
    public List<OrderEvent> process(ConsumerRecord<String, byte[]> record) {
        if (!answered.isEmpty() && answered.remove(mark(group, record))) {
            log.info("{}: skipping {}-{}@{}, answered before a restart", group, record.topic(), record.partition(),
                    record.offset());
            return List.of();
        }
        return processor.process(record);
    }

    private static String mark(String group, ConsumerRecord<?, ?> record) {
        return group + "|" + record.topic() + "|" + record.partition() + "|" + record.offset();
    }

    /** The marks of this group's answers from its committed offsets to the end of each partition. */
    private static Set<String> answeredSinceLastCommit(String bootstrapServers, String topic, String group)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Set<String> marks = new HashSet<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions, Duration.ofSeconds(10));
            reader.assign(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                reader.seek(partition, Math.max(starts.get(partition), done == null ? 0 : done.offset()));
            }
            Set<TopicPartition> unread = new HashSet<>(partitions);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            String prefix = group + "|";
            while (true) {
                unread.removeIf(partition -> reader.position(partition, Duration.ofSeconds(10)) >= ends.get(partition));
                if (unread.isEmpty()) {
                    return marks;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the end of " + topic + " was not reached in " + PATIENCE.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    Header header = record.headers().lastHeader(HEADER);
                    String mark = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
                    if (mark != null && mark.startsWith(prefix)) {
                        marks.add(mark);
                    }
                }
            }
        }
    }
}
