package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.flow.ChoreographyFlow;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.ShopContext;
import shop.testkit.SharedKafka;
import shop.testkit.Topics;

/**
 * An outsider with a plain Kafka producer (what kcat does) publishes "order placed" for a $45.99 lamp at 1 cent.
 * The shop's choreography must not charge it: the payment service prices the lines from the catalogue, sends the
 * forged event to the dead-letter topic, and goes on with the next order.
 */
@ExtendWith(SharedKafka.class)
class ForgedPriceTest {
    private final String prefix = "forged-" + UUID.randomUUID() + ".";

    @Test
    void aForgedTotalOrUnitPriceIsDeadLetteredAndNeverChargedAndTheNextOrderCompletes() throws Exception {
        Domain domain = Domain.demo();
        ShopContext context = new ShopContext(domain, new SimpleMeterRegistry(), OrderListener.NONE,
                SharedKafka.bootstrapServers(), null);
        try (ChoreographyFlow flow = new ChoreographyFlow(context, prefix, Set.copyOf(ChoreographyFlow.SERVICES))) {
            String cheapTotal = "forged-total-" + UUID.randomUUID();
            String cheapLamp = "forged-price-" + UUID.randomUUID();
            publishRaw(flow.topics().events(), cheapTotal, orderPlaced(cheapTotal, 4599, 1));
            publishRaw(flow.topics().events(), cheapLamp, orderPlaced(cheapLamp, 1, 1));
            Order genuine = new Order("genuine-" + UUID.randomUUID(), "ada",
                    List.of(new OrderLine("LAMP-1", 1, domain.catalog().priceCents("LAMP-1").orElseThrow())));
            flow.place(genuine);

            Awaitility.await("the genuine order placed after the forged ones completes").atMost(Duration.ofSeconds(60))
                    .until(() -> flow.view(genuine.id()).map(view -> view.status() == OrderStatus.COMPLETED).orElse(false));
            List<ConsumerRecord<String, String>> letters = Awaitility.await("the payment service dead-letters both forged events")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> paymentDeadLetters(flow), found -> found.size() >= 2);

            assertThat(letters).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(cheapTotal, cheapLamp);
            assertThat(letters).extracting(letter -> header(letter, "dlt-error")).allSatisfy(error ->
                    assertThat(error).contains("price check").contains("catalogue"));
            assertThat(domain.payments().chargeCount(cheapTotal) + domain.payments().chargeCount(cheapLamp))
                    .as("charges for forged orders").isZero();
            assertThat(domain.payments().chargedCents(genuine.id())).as("the genuine lamp's charge").isEqualTo(4599);
            assertThat(flow.view(cheapTotal).orElseThrow().status()).as("the forged order goes nowhere")
                    .isEqualTo(OrderStatus.PENDING);
        }
    }

    /** "order placed" as JSON typed by hand, for one LAMP-1 at {@code unitPrice} with {@code total}. */
    private static String orderPlaced(String id, long unitPrice, long total) {
        return "{\"eventId\":\"" + id + "/OrderPlaced\",\"orderId\":\"" + id + "\",\"at\":\"2026-12-01T10:00:00Z\","
                + "\"customer\":\"mallory\",\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":1,\"unitPriceCents\":" + unitPrice
                + "}],\"totalCents\":" + total + "}";
    }

    private static void publishRaw(String topic, String key, String json) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", SharedKafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            record.headers().add("event-type", "OrderPlaced".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
    }

    private List<ConsumerRecord<String, String>> paymentDeadLetters(ChoreographyFlow flow) {
        return Topics.read(SharedKafka.bootstrapServers(), flow.topics().deadLetters(), 8, Duration.ofSeconds(2)).stream()
                .filter(letter -> (prefix + "payment").equals(header(letter, "dlt-consumer-group")))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
