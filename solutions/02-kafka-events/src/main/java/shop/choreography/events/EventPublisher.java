package shop.choreography.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events keyed by order id, with an idempotent producer: a retried send is written once. */
public final class EventPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public EventPublisher(String bootstrapServers, EventTopics topics) {
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers), new StringSerializer(), new ByteArraySerializer());
        this.topic = topics.events();
    }

    public static Properties producerConfig(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // TODO 4: make the producer safe: acks "all" and enable.idempotence "true" (ProducerConfig constants)
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // end TODO 4
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return props;
    }

    public Future<RecordMetadata> publish(OrderEvent event) {
        return publish(event, Map.of());
    }

    /** @param extraHeaders e.g. the trace context; added after the type header */
    public Future<RecordMetadata> publish(OrderEvent event, Map<String, String> extraHeaders) {
        // TODO 5: build a ProducerRecord for the topic, keyed by the order id, with the encoded event as value;
        //   add the header EventCodec.TYPE_HEADER = EventCodec.typeOf(event) (as UTF-8 bytes), then each extra header;
        //   then return producer.send(record)
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.orderId(), EventCodec.encode(event));
        record.headers().add(EventCodec.TYPE_HEADER, EventCodec.typeOf(event).getBytes(StandardCharsets.UTF_8));
        extraHeaders.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record);
        // end TODO 5
    }

    /** The underlying client, e.g. to bind its metrics or to send a dead letter. */
    public Producer<String, byte[]> producer() {
        return producer;
    }

    @Override
    public void close() {
        producer.close();
    }
}
