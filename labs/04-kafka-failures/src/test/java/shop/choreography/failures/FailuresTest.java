package shop.choreography.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.EventCodec;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.handlers.HandlerLoop;
import shop.choreography.handlers.LoopHooks;
import shop.choreography.handlers.OrderProjection;
import shop.choreography.handlers.ProjectionListener;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.domain.Service;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.lab.Todo;
import shop.testkit.Invariants;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;
import shop.testkit.Topics;

/**
 * Lab 04 on a real broker: things go wrong on purpose (declines, no stock, no carrier, flaky services, duplicates,
 * poison records) and every order must still end COMPLETED or REJECTED with money and stock adding up.
 */
@ExtendWith(SharedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class FailuresTest {
    private final Domain domain = Domain.demo();
    private final EventTopics topics = new EventTopics("lab04-" + UUID.randomUUID() + ".");
    private final List<HandlerLoop> services = new ArrayList<>();
    private EventPublisher publisher;
    private OrderProjection orders;

    /** Starts the four services and the order projection, once the TODOs the test needs are done. */
    private void needs(String what, int... todos) {
        FirstOpenTodo.of(what, () -> publisher().producer(), topics.deadLetters(), todos);
        if (orders == null) {
            String kafka = SharedKafka.bootstrapServers();
            for (String service : List.of("order", "payment", "inventory", "shipping")) {
                services.add(ResilientServices.start(service, domain, Clock.systemUTC(), kafka, topics, publisher(), LoopHooks.NONE));
            }
            orders = new OrderProjection(kafka, topics.events(), ProjectionListener.NONE);
        }
    }

    /** The topics and the producer, made on first use: a starter's test fails before it needs them. */
    private EventPublisher publisher() {
        if (publisher == null) {
            topics.create(SharedKafka.bootstrapServers());
            publisher = new EventPublisher(SharedKafka.bootstrapServers(), topics);
        }
        return publisher;
    }

    @AfterAll
    void stopServices() {
        services.forEach(HandlerLoop::close);
        if (orders != null) {
            orders.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    @BeforeEach
    void noFaults() {
        Todo.forget();
        domain.faults().reset();
    }

    @Test
    void todo1_flakyServicesAreRetriedUntilEveryOrderCompletes() {
        needs("this test runs the four services on Kafka with 40% of calls failing", 1, 2);
        FaultSettings flaky = FaultSettings.none();
        for (Service service : Service.values()) {
            flaky = flaky.withService(service, new FaultSettings.ServiceFaults(false, 0, 0.4));
        }
        domain.faults().apply(flaky);

        List<OrderView> done = awaitFinal(place(10, "BOOK-1"));

        assertThat(done).extracting(OrderView::status)
                .as("TODO 1: 40% of calls fail for a moment; with retries every order completes").containsOnly(OrderStatus.COMPLETED);
        assertNoViolations(done);
    }

    @Test
    void todo2_duplicatedEventsAreAnsweredOnce() throws Exception {
        needs("this test runs the four services on Kafka and publishes events twice", 1, 2);
        Order order = order("DESK-1");
        OrderPlaced placed = OrderPlaced.of(order, Instant.now());
        publish(placed);
        publish(placed);
        publish(placed);
        awaitFinal(List.of(order));
        RecordMetadata last = publish(new PaymentCharged(OrderEvent.idFor(order.id(), PaymentCharged.class), order.id(),
                Instant.now(), Instant.now(), order.customer(), order.lines(), order.totalCents()));
        Order next = order("DESK-1");
        publish(OrderPlaced.of(next, Instant.now()));

        List<OrderView> done = awaitFinal(List.of(order, next));
        awaitEveryGroupDone(last.partition());

        assertThat(done).extracting(OrderView::status).containsOnly(OrderStatus.COMPLETED);
        assertThat(domain.payments().chargeCount(order.id()))
                .as("\"order placed\" three times, one charge (lab 03's idempotency key already makes sure)").isEqualTo(1);
        assertThat(domain.inventory().reservationCount(order.id()))
                .as("\"payment charged\" twice, one reservation (lab 03's idempotency key)").isEqualTo(1);
        assertThat(answersOn(order, "PaymentCharged"))
                .as("TODO 2: \"order placed\" came three times and the payment service answered once: SkipDuplicates"
                        + " keeps a duplicate away from the handler, so nothing after it runs again").isEqualTo(1);
        assertThat(answersOn(order, "StockReserved"))
                .as("TODO 2: \"payment charged\" came twice and the inventory service answered once").isEqualTo(1);
        assertNoViolations(done);
    }

    @Test
    void todo3_outOfStockRefundsThePayment() {
        needs("this test runs the four services on Kafka with LAMP-1 out of stock", 1, 2, 3, 5);
        domain.faults().apply(FaultSettings.none().withOutOfStock(Set.of("LAMP-1")));
        Map<String, Integer> stockBefore = domain.inventory().stockLevels();

        List<OrderView> done = awaitFinal(place(3, "LAMP-1"));

        assertThat(done).allSatisfy(view -> {
            assertThat(view.status()).as("TODO 3: status of " + view.id()).isEqualTo(OrderStatus.REJECTED);
            assertThat(view.reason()).isEqualTo("out-of-stock");
            assertThat(view.compensated()).as("TODO 3: the payment was refunded").isTrue();
            assertThat(domain.payments().refundedCents(view.id())).as("TODO 3: refunded in full").isEqualTo(view.totalCents());
        });
        assertThat(domain.inventory().stockLevels()).isEqualTo(stockBefore);
        assertNoViolations(done);
    }

    @Test
    void todo4_noCarrierReleasesTheStockThenRefunds() {
        needs("this test runs the four services on Kafka with no carrier", 1, 2, 3, 4, 5);
        domain.faults().apply(FaultSettings.none().withCarrierUnavailableRate(1));
        Map<String, Integer> stockBefore = domain.inventory().stockLevels();

        List<OrderView> done = awaitFinal(place(3, "TEE-1"));

        assertThat(done).allSatisfy(view -> {
            assertThat(view.status()).as("TODO 4/5: status of " + view.id()).isEqualTo(OrderStatus.REJECTED);
            assertThat(view.reason()).isEqualTo("carrier-unavailable");
            assertThat(view.timeline()).extracting(entry -> entry.service() + ":" + entry.step())
                    .as("TODO 4: release the stock first, then refund (undo in reverse order)")
                    .endsWith("inventory:release", "payment:refund");
        });
        assertThat(domain.inventory().stockLevels()).as("TODO 4: every unit is back").isEqualTo(stockBefore);
        assertNoViolations(done);
    }

    @Test
    void todo5_aDeclinedCardNeedsNoCompensation() {
        needs("this test runs the four services on Kafka with every card declined", 1, 2);
        domain.faults().apply(FaultSettings.none().withDeclineRate(1));

        List<OrderView> done = awaitFinal(place(2, "MUG-1"));

        assertThat(done).allSatisfy(view -> {
            assertThat(view.reason()).isEqualTo("card-declined");
            assertThat(view.compensated()).isFalse();
        });
        assertNoViolations(done);
    }

    @Test
    void todo6_poisonRecordsAreDeadLetteredAndTheConsumersCarryOn() throws Exception {
        needs("this test publishes poison records to the four services on Kafka", 1, 2, 6);
        RecordMetadata badJson = sendRaw("OrderPlaced", "{this is not json");
        RecordMetadata unknownType = sendRaw("OrderTeleported", "{}");
        RecordMetadata noType = sendRaw(null, "hello");

        List<OrderView> done = awaitFinal(place(2, "BOOK-1"));
        assertThat(done).extracting(OrderView::status)
                .as("TODO 6: orders placed after the poison records still complete").containsOnly(OrderStatus.COMPLETED);

        List<ConsumerRecord<String, String>> letters = new ArrayList<>();
        Labs.await("TODO 6: the payment service dead-letters the 3 poison records to " + topics.deadLetters()).until(() -> {
            letters.clear();
            Topics.read(SharedKafka.bootstrapServers(), topics.deadLetters(), 12, Duration.ofSeconds(2)).stream()
                    .filter(letter -> topics.group("payment").equals(header(letter, DeadLetters.GROUP)))
                    .forEach(letters::add);
            return letters.size() >= 3;
        });
        for (RecordMetadata poison : List.of(badJson, unknownType, noType)) {
            assertThat(letters).as("TODO 6: a dead letter names the source topic, partition and offset of " + poison)
                    .anySatisfy(letter -> {
                        assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(topics.events());
                        assertThat(header(letter, DeadLetters.SOURCE_PARTITION)).isEqualTo(String.valueOf(poison.partition()));
                        assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).isEqualTo(String.valueOf(poison.offset()));
                        assertThat(header(letter, DeadLetters.ERROR)).as("and the error").isNotBlank();
                    });
        }
    }

    private RecordMetadata sendRaw(String type, String value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.events(), "poison-" + UUID.randomUUID(),
                value.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add(EventCodec.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        return publisher.producer().send(record).get(10, TimeUnit.SECONDS);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Order order(String sku) {
        long price = domain.catalog().priceCents(sku).orElseThrow();
        return new Order("order-" + UUID.randomUUID(), "lab04", List.of(new OrderLine(sku, 1, price)));
    }

    private List<Order> place(int count, String sku) {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Order order = order(sku);
            publish(OrderPlaced.of(order, Instant.now()));
            placed.add(order);
        }
        return placed;
    }

    /** How many times a service answered with this event for the order (the test's own publishes carry no answer-to). */
    private long answersOn(Order order, String type) {
        return Topics.read(SharedKafka.bootstrapServers(), topics.events(), Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .filter(record -> order.id().equals(record.key()) && type.equals(header(record, EventCodec.TYPE_HEADER))
                        && header(record, AnsweredBeforeCrash.HEADER) != null)
                .count();
    }

    /** Waits until every service has committed everything on the partition: nothing it will answer is still to come. */
    private void awaitEveryGroupDone(int partition) {
        TopicPartition where = new TopicPartition(topics.events(), partition);
        Labs.await("every service to commit what it read on " + where).until(() -> {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
                long end = admin.listOffsets(Map.of(where, OffsetSpec.latest())).partitionResult(where)
                        .get(5, TimeUnit.SECONDS).offset();
                for (String service : List.of("order", "payment", "inventory", "shipping")) {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(topics.group(service))
                            .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS).get(where);
                    if (committed == null || committed.offset() < end) {
                        return false;
                    }
                }
                return true;
            }
        });
    }

    private RecordMetadata publish(OrderEvent event) {
        try {
            return publisher.publish(event).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish " + event, e);
        }
    }

    private List<OrderView> awaitFinal(List<Order> placed) {
        List<OrderView> views = new ArrayList<>();
        Labs.await("every order COMPLETED or REJECTED").until(() -> {
            views.clear();
            for (Order order : placed) {
                OrderView view = orders.view(order.id()).orElse(null);
                if (view == null || !view.status().isFinal()) {
                    return false;
                }
                views.add(view);
            }
            return true;
        });
        return views;
    }

    private void assertNoViolations(List<OrderView> done) {
        assertThat(Invariants.violations(domain, done)).as("invariant violations").isEmpty();
    }
}
