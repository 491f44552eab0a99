package shop.choreography.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.events.OrderEvent.ShipmentFailed;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.lab.Todo;
import shop.testkit.SharedKafka;
import shop.testkit.Topics;

/** Lab 02: the events, their JSON, the topics, and "order placed" published to a real broker. */
@ExtendWith(SharedKafka.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
class OrderEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    private final Order order = new Order("order-" + UUID.randomUUID(), "ada",
            List.of(new OrderLine("BOOK-1", 2, 1_500), new OrderLine("MUG-1", 1, 900)));
    private final EventTopics topics = new EventTopics("lab02-" + UUID.randomUUID() + ".");

    @BeforeEach
    void forgetEarlierTodos() {
        Todo.forget();
    }

    @Test
    void todo1_orderPlacedCarriesWhatThePaymentServiceNeeds() {
        OrderPlaced placed = OrderPlaced.of(order, NOW);

        assertThat(placed.orderId()).as("TODO 1: the order id").isEqualTo(order.id());
        assertThat(placed.eventId()).as("TODO 1: a stable event id, OrderEvent.idFor(order id, OrderPlaced.class)")
                .isEqualTo(order.id() + "/OrderPlaced");
        assertThat(placed.at()).as("TODO 1: when it happened").isEqualTo(NOW);
        assertThat(placed.customer()).as("TODO 1: the customer").isEqualTo("ada");
        assertThat(placed.lines()).as("TODO 1: the lines").isEqualTo(order.lines());
        assertThat(placed.totalCents()).as("TODO 1: the total to charge, in cents").isEqualTo(3_900);
    }

    @Test
    void todo2_eventsTravelAsJsonAndComeBackTheSame() {
        PaymentCharged charged = new PaymentCharged(order.id() + "/PaymentCharged", order.id(), NOW,
                NOW.minusMillis(5), "ada", order.lines(), 3_900);
        ShipmentFailed failed = new ShipmentFailed(order.id() + "/ShipmentFailed", order.id(), NOW, NOW, "carrier-unavailable");

        String json = new String(EventCodec.encode(charged), StandardCharsets.UTF_8);

        assertThat(json).as("TODO 2: encode writes the event as JSON")
                .contains("\"orderId\":\"" + order.id() + "\"", "\"amountCents\":3900", "\"at\":\"2026-11-28T10:15:30Z\"");
        assertThat(EventCodec.decode("PaymentCharged", EventCodec.encode(charged)))
                .as("TODO 2: decode(type, bytes) gives back an equal event").isEqualTo(charged);
        assertThat(EventCodec.decode("ShipmentFailed", EventCodec.encode(failed))).isEqualTo(failed);
    }

    @Test
    void todo2_recordsThatAreNotEventsAreRefusedClearly() {
        assertThatThrownBy(() -> EventCodec.decode("PaymentCharged", "{not json".getBytes(StandardCharsets.UTF_8)))
                .as("TODO 2: bad JSON must throw UndecodableEvent (a poison record, lab 04 dead-letters it)")
                .isInstanceOf(UndecodableEvent.class);
        assertThatThrownBy(() -> EventCodec.decode("OrderTeleported", "{}".getBytes(StandardCharsets.UTF_8)))
                .as("TODO 2: an unknown type must throw UndecodableEvent").isInstanceOf(UndecodableEvent.class);
        assertThatThrownBy(() -> EventCodec.decode(null, "{}".getBytes(StandardCharsets.UTF_8)))
                .as("TODO 2: a record without a type header must throw UndecodableEvent").isInstanceOf(UndecodableEvent.class);
    }

    @Test
    void todo3_topicsAreCreatedExplicitlyWithThreePartitions() throws Exception {
        topics.create(SharedKafka.bootstrapServers());
        topics.create(SharedKafka.bootstrapServers());

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            Map<String, TopicDescription> found = admin.describeTopics(List.of(topics.events(), topics.deadLetters()))
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(found.get(topics.events()).partitions())
                    .as("TODO 3: " + topics.events() + " must have EventTopics.PARTITIONS (3) partitions").hasSize(3);
            assertThat(found).as("TODO 3: the dead-letter topic must exist too").containsKey(topics.deadLetters());
        }
    }

    @Test
    void todo4_theProducerIsIdempotent() {
        var config = EventPublisher.producerConfig(SharedKafka.bootstrapServers());

        assertThat(config.get(ProducerConfig.ACKS_CONFIG)).as("TODO 4: acks=all: wait until the event is safely stored")
                .isEqualTo("all");
        assertThat(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))
                .as("TODO 4: enable.idempotence=true: a retried send is written once").isEqualTo("true");
    }

    @Test
    void todo5_orderPlacedIsPublishedKeyedByOrderIdWithItsType() throws Exception {
        Topics.create(SharedKafka.bootstrapServers(), EventTopics.PARTITIONS, topics.events());
        try (EventPublisher publisher = new EventPublisher(SharedKafka.bootstrapServers(), topics)) {
            publisher.publish(OrderPlaced.of(order, NOW)).get(10, TimeUnit.SECONDS);
            publisher.publish(new ShipmentFailed(order.id() + "/ShipmentFailed", order.id(), NOW, NOW, "carrier-unavailable"))
                    .get(10, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, String>> records = Topics.read(SharedKafka.bootstrapServers(), topics.events(), 2,
                Duration.ofSeconds(10));

        assertThat(records).as("TODO 5: two events published to " + topics.events()).hasSize(2);
        ConsumerRecord<String, String> first = records.stream()
                .filter(record -> record.value().contains("\"totalCents\"")).findFirst().orElseThrow();
        assertThat(first.key()).as("TODO 5: the record key is the order id").isEqualTo(order.id());
        assertThat(EventCodec.typeOf(first.headers())).as("TODO 5: the " + EventCodec.TYPE_HEADER + " header")
                .isEqualTo("OrderPlaced");
        assertThat(records).extracting(ConsumerRecord::partition)
                .as("TODO 5: one order's events land on one partition, so they stay in order").containsOnly(first.partition());
    }
}
