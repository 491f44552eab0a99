package shop.choreography.handlers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.OrderEvent;

/**
 * One service's consumer: poll, process each record, publish the answers, and only once the broker has
 * acknowledged them commit the offsets. A crash before the commit means the records are delivered again
 * (at least once), which is why handlers must be idempotent.
 */
public final class HandlerLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HandlerLoop.class);

    private final String group;
    private final KafkaConsumer<String, byte[]> consumer;
    private final RecordProcessor processor;
    private final EventPublisher publisher;
    private final LoopHooks hooks;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean handling;

    public HandlerLoop(String bootstrapServers, String group, String topic, RecordProcessor processor,
                       EventPublisher publisher, LoopHooks hooks) {
        this.group = group;
        this.processor = processor;
        this.publisher = publisher;
        this.hooks = hooks;
        this.consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers, group), new StringDeserializer(),
                new ByteArrayDeserializer());
        hooks.consumerCreated(consumer);
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::run, "handler-" + group);
        thread.setDaemon(true);
        thread.start();
    }

    public static Properties consumerConfig(String bootstrapServers, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-consumer");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20"); // each service waits on the one before: answer fast
        // a service killed with kill -9 sends no goodbye: its partitions wait this long (default 45 s) for a new owner
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        return props;
    }

    public String group() {
        return group;
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    handling = true;
                    handle(records);
                    handling = false;
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (RuntimeException e) {
            if (running) {
                log.error("{} stopped: {}", group, e.toString(), e);
            }
        } finally {
            handling = false;
            hooks.consumerClosing(consumer);
            Thread.interrupted(); // close() may have interrupted a retry; the consumer still leaves its group cleanly
            try {
                consumer.close(Duration.ofSeconds(2));
            } catch (InterruptException e) {
                // stopped while leaving the group: the broker notices after the session timeout
            }
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                try (LoopHooks.Handling handling = hooks.handling(record)) {
                    List<OrderEvent> answers = processor.process(record);
                    // TODO 5: every answer is on its way to the broker, with the headers hooks.headersFor(record) gives
                    //   (lab 05 carries the trace there), and `sends` holds each send's future: TODO 6 waits on them.
                    for (OrderEvent answer : answers) {
                        sends.add(publisher.publish(answer, hooks.headersFor(record)));
                    }
                    // end TODO 5
                }
                done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
        } catch (RuntimeException e) {
            if (!running) {
                throw e;
            }
            log.warn("{}: will try again: {}", group, e.toString());
            rewind(records, done);
        }
        // TODO 6: the offsets in `done` are committed, so that a restarted service goes on from there; and a crash at
        //   any moment loses no order: at worst a record is handled twice. awaitAcks and commit are below.
        awaitAcks(sends); // the broker has every answer: only now is the work of these records done
        commit(done);
        // end TODO 6
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(done);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // the group moved our partitions elsewhere meanwhile: their new owner processes these records again
            log.warn("{}: offsets not committed ({}); the records will be delivered again", group, e.getMessage());
        }
    }

    /** Puts every partition of the batch back to its first record not yet processed, so it is polled again. */
    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata next = done.get(partition);
            consumer.seek(partition, next != null ? next.offset() : records.records(partition).get(0).offset());
        }
    }

    /** Returns once the broker has stored every send; throws if one could not be stored (the loop then stops). */
    private static void awaitAcks(List<Future<RecordMetadata>> sends) {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not publish an event: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(500);
            if (thread.isAlive() && handling) {
                thread.interrupt(); // it is waiting to retry a service that is down: stop waiting
            }
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
