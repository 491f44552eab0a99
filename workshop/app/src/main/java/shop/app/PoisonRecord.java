package shop.app;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import shop.choreography.events.EventCodec;

/** A record no service can read: typed "order placed", with a value that is not JSON. Each consumer group dead-letters it. */
final class PoisonRecord {
    private PoisonRecord() {}

    static ProducerRecord<String, byte[]> to(String topic) {
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(topic, "poison-" + UUID.randomUUID().toString().substring(0, 8),
                "{\"orderId\": this is not JSON".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(EventCodec.TYPE_HEADER, "OrderPlaced".getBytes(StandardCharsets.UTF_8));
        return poison;
    }
}
