package shop.choreography.trips;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.json.Json;

/**
 * One travel service's consumer of {@code trip-events}, record by record: hand the event to the handler, publish its
 * answers, wait for the broker, then commit. A handler that throws (the service is down, or a TODO) gets the same
 * record again after a pause: events are never skipped, so a trip waits for its service instead of getting lost.
 */
final class TripEventLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TripEventLoop.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration MAX_PAUSE = Duration.ofMillis(500);

    private final String group;
    private final TripHandler handler;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    TripEventLoop(String bootstrapServers, String group, TripHandler handler, KafkaProducer<String, String> producer) {
        this.group = group;
        this.handler = handler;
        this.producer = producer;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TripEvent.TOPIC));
        this.thread = new Thread(this::run, "trips-" + group);
        thread.setDaemon(true);
        thread.start();
    }

    static ProducerRecord<String, String> recordOf(TripEvent event) {
        try {
            return new ProducerRecord<>(TripEvent.TOPIC, event.tripId(), Json.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.type() + " as JSON", e);
        }
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        try {
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                Map<TopicPartition, Long> next = new HashMap<>();
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!handle(record)) {
                        // poll again from each partition's first record not yet handled, this one included
                        records.partitions().forEach(each -> consumer.seek(each,
                                next.getOrDefault(each, records.records(each).get(0).offset())));
                        Thread.sleep(pause.toMillis());
                        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                        break;
                    }
                    next.put(partition, record.offset() + 1);
                    pause = FIRST_PAUSE;
                }
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** @return false if the record must be handled again */
    private boolean handle(ConsumerRecord<String, String> record) {
        try {
            TripEvent event = Json.mapper().readValue(record.value(), TripEvent.class);
            for (TripEvent answer : handler.on(event)) {
                producer.send(recordOf(answer)).get();
            }
            consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (Exception e) {
            if (running) {
                log.warn("{}: will try the {} again: {}", group, record.key(), e.toString());
            }
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
