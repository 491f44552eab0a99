package shop.choreography.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.EventCodec;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;
import shop.testkit.Topics;

/**
 * Lab 03, TODO 6: commit after the work. The payment service charges an order, but the broker refuses its answer
 * (the first send fails, as it would with the broker out of reach). The service must not commit that record: it
 * stops, and once restarted it is handed the same record again, charges nothing more, and publishes its answer once.
 */
@ExtendWith(SharedKafka.class)
class CommitAfterWorkTest {
    /** Over the producer's max.request.size (1 MiB): the producer refuses to send it, the future fails. */
    private static final int TOO_LARGE = 2 * 1024 * 1024;

    private final Domain domain = Domain.demo();
    private final Clock clock = Clock.systemUTC();
    private final EventTopics topics = new EventTopics("lab03-commit-" + UUID.randomUUID() + ".");
    private final Order order = new Order("order-" + UUID.randomUUID(), "grace", List.of(new OrderLine("MUG-1", 1, 900)));
    private final String kafka = SharedKafka.bootstrapServers();
    private final String group = topics.group("payment");
    /** The offsets of the OrderPlaced records handed to the payment service, once per delivery. */
    private final List<Long> handedToPayment = new CopyOnWriteArrayList<>();
    private final AtomicBoolean brokerRefusesNextAnswer = new AtomicBoolean(true);
    private final RecordProcessor payment = RecordProcessor.decoding(new PaymentHandler(domain.payments(), clock));
    /** The payment service, whose first answer is too large for the producer: the broker never gets it. */
    private final RecordProcessor firstAnswerRefused = record -> {
        if ("OrderPlaced".equals(EventCodec.typeOf(record.headers()))) {
            handedToPayment.add(record.offset());
        }
        List<OrderEvent> answers = payment.process(record);
        return !answers.isEmpty() && brokerRefusesNextAnswer.getAndSet(false)
                ? answers.stream().map(CommitAfterWorkTest::tooLargeToStore).toList() : answers;
    };
    private HandlerLoop first;
    private HandlerLoop restarted;
    private EventPublisher publisher;

    @AfterEach
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {first, restarted, publisher}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // already stopped
            }
        }
    }

    @Test
    void todo6_aRecordWhoseAnswerWasNotStoredIsNotCommittedAndIsHandledAgainOnce() throws Exception {
        FirstOpenTodo.ofTheHandlers("this test runs the payment service on Kafka, so it needs TODOs 1, 5 and 6", 1);
        RecordMetadata placed = placeOneOrder();
        Stopped stopped = new Stopped();

        first = new HandlerLoop(kafka, group, topics.events(), firstAnswerRefused, publisher, stopped);
        Labs.await("the payment service to stop (its answer could not be stored) or to commit")
                .until(() -> stopped.yes() || committed(placed) > placed.offset());

        if (committed(placed) > placed.offset()) {
            assertThat(typesOnTheTopic(2, Duration.ofSeconds(3)))
                    .as("TODO 6: the OrderPlaced at offset %d was committed, yet the broker never stored its answer (the"
                            + " send failed): had the service crashed now, no one would ever read this order again. Commit"
                            + " only once every send in `sends` (TODO 5) is acknowledged", placed.offset())
                    .contains("PaymentCharged");
        }
        if (stopped.yes()) {
            restarted = new HandlerLoop(kafka, group, topics.events(), firstAnswerRefused, publisher, LoopHooks.NONE);
        }
        Labs.await("TODO 6: the payment service, restarted, to handle the order again and commit it")
                .until(() -> committed(placed) > placed.offset());

        assertThat(handedToPayment).as("TODO 6: not committed, so the same OrderPlaced is delivered again")
                .containsExactly(placed.offset(), placed.offset());
        assertThat(domain.payments().chargeCount(order.id()))
                .as("TODO 1: handled twice, charged once (the idempotency key is the same for both deliveries)").isEqualTo(1);
        assertThat(typesOnTheTopic(3, Duration.ofSeconds(2)))
                .as("TODO 5 and 6: the order's PaymentCharged is published once, after the failed send")
                .containsExactly("OrderPlaced", "PaymentCharged");
    }

    /** Going further (not part of the check): the service outlives a refused answer instead of stopping. */
    @Test
    @Tag("stretch")
    void stretch_aRefusedAnswerIsTriedAgainWithoutARestart() throws Exception {
        RecordMetadata placed = placeOneOrder();
        Stopped stopped = new Stopped();

        first = new HandlerLoop(kafka, group, topics.events(), firstAnswerRefused, publisher, stopped);
        Labs.await("stretch: the same payment service to handle the order again and commit it")
                .until(() -> stopped.yes() || committed(placed) > placed.offset());

        assertThat(stopped.yes()).as("stretch: the payment service is still running after the broker refused an answer")
                .isFalse();
        assertThat(handedToPayment).as("stretch: the same service is handed the OrderPlaced again")
                .containsExactly(placed.offset(), placed.offset());
        assertThat(domain.payments().chargeCount(order.id())).as("stretch: charged once").isEqualTo(1);
        assertThat(typesOnTheTopic(3, Duration.ofSeconds(2))).as("stretch: its PaymentCharged published once")
                .containsExactly("OrderPlaced", "PaymentCharged");
    }

    /** Publishes the order's OrderPlaced, to be handled by the payment service of the test. */
    private RecordMetadata placeOneOrder() throws Exception {
        topics.create(kafka);
        publisher = new EventPublisher(kafka, topics);
        return publisher.publish(OrderPlaced.of(order, Instant.now())).get(10, TimeUnit.SECONDS);
    }

    private List<String> typesOnTheTopic(int expected, Duration patience) {
        return Topics.read(kafka, topics.events(), expected, patience).stream()
                .map(record -> EventCodec.typeOf(record.headers())).toList();
    }

    /** The same answer with a field too large for the producer: its send fails, as with a broker out of reach. */
    private static OrderEvent tooLargeToStore(OrderEvent answer) {
        if (answer instanceof PaymentCharged charged) {
            return new PaymentCharged(charged.eventId(), charged.orderId(), charged.at(), charged.startedAt(),
                    charged.customer() + " ".repeat(TOO_LARGE), charged.lines(), charged.amountCents());
        }
        throw new IllegalStateException("the payment service answered " + answer + ", not PaymentCharged (TODO 1)");
    }

    /** The group's committed offset on the record's partition (the next record it will read), or -1 if none. */
    private long committed(RecordMetadata record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS).get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    /** Tells when a loop's consumer closes: the service stopped. */
    private static final class Stopped implements LoopHooks {
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void consumerClosing(Consumer<?, ?> consumer) {
            closed.countDown();
        }

        boolean yes() {
            return closed.getCount() == 0;
        }
    }
}
