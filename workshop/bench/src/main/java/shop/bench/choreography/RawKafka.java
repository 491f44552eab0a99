package shop.bench.choreography;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.handlers.HandlerLoop;

/** The baseline: the same producer and consumer settings as the flow, records of a similar size, and no work. */
final class RawKafka {
    private RawKafka() {}

    /** @return from the first send to the last record consumed */
    static Duration produceAndConsume(String bootstrapServers, long records) {
        EventTopics topics = new EventTopics("bench-raw-" + UUID.randomUUID() + ".");
        topics.create(bootstrapServers);
        byte[] value = new byte[300];
        Properties consumerConfig = HandlerLoop.consumerConfig(bootstrapServers, topics.group("raw"));
        try (var producer = new KafkaProducer<>(EventPublisher.producerConfig(bootstrapServers), new StringSerializer(), new ByteArraySerializer());
             var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.events()));
            consumer.poll(Duration.ofMillis(500)); // join the group before the clock starts
            long start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topics.events(), "order-" + (i / 5), value));
            }
            producer.flush();
            long consumed = 0;
            while (consumed < records) {
                var batch = consumer.poll(Duration.ofMillis(200));
                consumed += batch.count();
                if (!batch.isEmpty()) {
                    consumer.commitSync();
                }
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }
}
