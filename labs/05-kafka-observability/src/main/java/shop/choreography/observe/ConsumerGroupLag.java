package shop.choreography.observe;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import shop.lab.Todo;

/**
 * How far behind each consumer group is: log end offset minus committed offset, summed over the topic's
 * partitions, as the gauge {@value #NAME} {group, topic}. Read with an admin client once a second.
 */
public final class ConsumerGroupLag implements AutoCloseable {
    public static final String NAME = "shop.kafka.consumer.group.lag";

    private final Admin admin;
    private final String topic;
    private final Collection<String> groups;
    private final Map<String, AtomicLong> lagByGroup = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consumer-group-lag");
        thread.setDaemon(true);
        return thread;
    });

    public ConsumerGroupLag(String bootstrapServers, String topic, Collection<String> groups, MeterRegistry registry) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.topic = topic;
        this.groups = List.copyOf(groups);
        for (String group : groups) {
            AtomicLong lag = lagByGroup.computeIfAbsent(group, key -> new AtomicLong());
            Gauge.builder(NAME, lag, AtomicLong::get)
                    .description("Records on the topic that the consumer group has not committed yet")
                    .tag("group", group)
                    .tag("topic", topic)
                    .register(registry);
        }
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, 1, TimeUnit.SECONDS);
    }

    /** Reads the offsets now. */
    public void refresh() throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        // TODO 2: each group's gauge (in lagByGroup) holds the records of the topic that the group has not committed
        //   yet: summed over `partitions`, never below 0 on one, and a partition the group never committed on counts
        //   from its start. The admin client knows what each group committed (listConsumerGroupOffsets); read that
        //   before the log's ends (endOffsets, below): the other way round, a group that keeps up can look ahead of
        //   the log.
        throw new Todo(2, "compute each consumer group's lag (ConsumerGroupLag.java)");
        // end TODO 2
    }

    /** Where the log of each partition ends now: the offset the next record will get. */
    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                .all().get(5, TimeUnit.SECONDS);
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (Exception e) {
            // the broker may be busy or away; the gauge keeps its last value until the next try
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        admin.close();
    }
}
