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
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.OrderEvent.OrderCompleted;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.events.OrderEvent.ShipmentBooked;
import shop.choreography.events.OrderEvent.ShipmentFailed;
import shop.choreography.events.OrderEvent.StockReserved;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.lab.Todo;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;
import shop.testkit.Topics;

/** Lab 02: the events, their JSON, the topics, and "order placed" published to a real broker. */
@ExtendWith(SharedKafka.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
class OrderEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

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
    void todo3_topicsAreCreatedExplicitlyWithTwelvePartitions() throws Exception {
        topics.create(SharedKafka.bootstrapServers());
        topics.create(SharedKafka.bootstrapServers());

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            Map<String, TopicDescription> found = admin.describeTopics(List.of(topics.events(), topics.deadLetters()))
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(found.get(topics.events()).partitions())
                    .as("TODO 3: " + topics.events() + " must have EventTopics.PARTITIONS (" + EventTopics.PARTITIONS + ") partitions")
                    .hasSize(EventTopics.PARTITIONS);
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
    void todo5_oneOrdersEventsArePublishedKeyedByOrderIdAndReadInOrder() throws Exception {
        Labs.startWith("this test publishes a whole order, so it needs TODOs 1, 2, 4 and 5",
                () -> OrderPlaced.of(order, NOW),
                () -> EventCodec.encode(new OrderCompleted("x", order.id(), NOW)),
                () -> EventPublisher.producerConfig(SharedKafka.bootstrapServers()));
        Topics.create(SharedKafka.bootstrapServers(), EventTopics.PARTITIONS, topics.events());
        List<OrderEvent> story = storyOf(order);
        try (EventPublisher publisher = new EventPublisher(SharedKafka.bootstrapServers(), topics)) {
            for (OrderEvent event : story) {
                publisher.publish(event, Map.of("traceparent", TRACEPARENT)).get(10, TimeUnit.SECONDS);
            }
        }

        List<ConsumerRecord<String, String>> records = Topics.read(SharedKafka.bootstrapServers(), topics.events(),
                story.size(), Duration.ofSeconds(10));
        String asRead = records.stream()
                .map(record -> EventCodec.typeOf(record.headers()) + " (partition " + record.partition() + ")")
                .collect(Collectors.joining(", "));
        System.out.println("One order's events, as a consumer of " + topics.events() + " read them: " + asRead);

        assertThat(records).as("TODO 5: the order's " + story.size() + " events published to " + topics.events())
                .hasSize(story.size());
        assertThat(records.stream().map(ConsumerRecord::partition).distinct())
                .as("TODO 5: all of one order's events on one partition, so that every service reads them in the order"
                        + " they happened; a consumer read them as: " + asRead)
                .hasSize(1);
        assertThat(records).extracting(ConsumerRecord::key).as("TODO 5: the record key is the order id")
                .containsOnly(order.id());
        assertThat(records).extracting(record -> EventCodec.typeOf(record.headers()))
                .as("TODO 5: each record's " + EventCodec.TYPE_HEADER + " header, in the order published")
                .containsExactlyElementsOf(story.stream().map(EventCodec::typeOf).toList());
        assertThat(records).extracting(record -> EventCodec.decode(EventCodec.typeOf(record.headers()),
                        record.value().getBytes(StandardCharsets.UTF_8)))
                .as("TODO 5: the value is the encoded event").containsExactlyElementsOf(story);
        assertThat(records).extracting(record -> new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .as("TODO 5: the extra headers travel too (lab 05 puts the trace context there)").containsOnly(TRACEPARENT);
    }

    /** Going further (not part of the check): an event from a newer producer, with one more field, still reads. */
    @Test
    @Tag("stretch")
    void stretch_anEventWithAFieldThisConsumerDoesNotKnowStillDecodes() {
        PaymentCharged charged = new PaymentCharged(order.id() + "/PaymentCharged", order.id(), NOW, NOW.minusMillis(5),
                "ada", order.lines(), 3_900);
        String json = new String(EventCodec.encode(charged), StandardCharsets.UTF_8);
        String fromANewerProducer = json.substring(0, json.lastIndexOf('}')) + ",\"paymentId\":\"pay-7\"}";

        assertThat(EventCodec.decode("PaymentCharged", fromANewerProducer.getBytes(StandardCharsets.UTF_8)))
                .as("stretch: a field added by a newer producer is skipped, the fields this consumer knows are read")
                .isEqualTo(charged);
        assertThatThrownBy(() -> EventCodec.decode("PaymentCharged", "{not json".getBytes(StandardCharsets.UTF_8)))
                .as("stretch: bad JSON is still poison").isInstanceOf(UndecodableEvent.class);
    }

    /** The events of one order that goes well, as its services publish them. */
    private static List<OrderEvent> storyOf(Order order) {
        String id = order.id();
        return List.of(
                OrderPlaced.of(order, NOW),
                new PaymentCharged(OrderEvent.idFor(id, PaymentCharged.class), id, NOW.plusMillis(10), NOW.plusMillis(5),
                        order.customer(), order.lines(), order.totalCents()),
                new StockReserved(OrderEvent.idFor(id, StockReserved.class), id, NOW.plusMillis(20), NOW.plusMillis(15),
                        order.customer()),
                new ShipmentBooked(OrderEvent.idFor(id, ShipmentBooked.class), id, NOW.plusMillis(30), NOW.plusMillis(25),
                        "trk-1"),
                new OrderCompleted(OrderEvent.idFor(id, OrderCompleted.class), id, NOW.plusMillis(35)));
    }
}
