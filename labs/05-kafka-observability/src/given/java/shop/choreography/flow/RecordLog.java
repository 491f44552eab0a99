package shop.choreography.flow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import shop.choreography.events.EventCodec;
import shop.flow.OrderRecords;

/**
 * The records of the latest orders as the broker stored them: where each sits in the log and the headers it
 * carried. It reads the topic like any consumer but in no group, so it commits nothing and no lag counts it.
 */
final class RecordLog implements AutoCloseable {
    private static final int ORDERS_KEPT = 2_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private final Map<String, List<OrderRecords.Entry>> byOrder = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<OrderRecords.Entry>> eldest) {
            return size() > ORDERS_KEPT;
        }
    };

    RecordLog(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.reader = new Thread(this::read, "record-log-" + topic);
        reader.setDaemon(true);
        reader.start();
    }

    List<OrderRecords.Entry> of(String orderId) {
        synchronized (byOrder) {
            return List.copyOf(byOrder.getOrDefault(orderId, List.of()));
        }
    }

    private void read() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null) {
                        remember(record);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() asked the loop to end
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void remember(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        OrderRecords.Entry entry = new OrderRecords.Entry(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), headers.getOrDefault(EventCodec.TYPE_HEADER, "(no type)"), headers);
        synchronized (byOrder) {
            byOrder.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(entry);
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
