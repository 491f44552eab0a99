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
import shop.lab.Todo;

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
        // TODO 4: a producer that neither loses an event nor writes one twice: the broker confirms a record only
        //   once it is stored, and a send retried after a lost answer is written once, in order (ProducerConfig).
        if (!props.containsKey(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)) { // delete this guard once done
            throw new Todo(4, "configure an idempotent producer");
        }
        // end TODO 4
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return props;
    }

    public Future<RecordMetadata> publish(OrderEvent event) {
        return publish(event, Map.of());
    }

    /** @param extraHeaders e.g. the trace context; added after the type header */
    public Future<RecordMetadata> publish(OrderEvent event, Map<String, String> extraHeaders) {
        // TODO 5: the event as one record on `topic` (ProducerRecord), chosen so that all of one order's events land
        //   on one partition: every service then reads an order's story in the order it happened. The value is the
        //   encoded event; the headers are its type (EventCodec.TYPE_HEADER, UTF-8), then each extra header. Return
        //   the send's future: whoever must know that the broker has the event waits on it.
        throw new Todo(5, "publish the event keyed by order id, with its type header");
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
