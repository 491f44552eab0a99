package shop.choreography.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.EventCodec;
import shop.choreography.events.EventPublisher;
import shop.choreography.failures.DeadLetters;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ShopContext;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;
import shop.testkit.Topics;

/**
 * The fraud service keeps its held orders in memory: a restarted one must rebuild them from the log (step G). And a
 * fraud event nobody can read is dead-lettered by every service instead of stopping them.
 */
@ExtendWith(SharedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FraudServiceResilienceTest {
    /** Longer than five services take to restart on a busy machine: the approval must beat the timer (3 s did not at load 49). */
    private static final FraudPolicy POLICY = new FraudPolicy(Duration.ofSeconds(10));

    private Domain domain;
    private FraudChoreographyFlow flow;

    @BeforeAll
    void start() {
        FirstOpenTodo.ofTheFraudChoreography("these tests restart the five services");
        domain = Domain.demo();
        ShopContext context = new ShopContext(domain, new SimpleMeterRegistry(), OrderListener.NONE,
                SharedKafka.bootstrapServers(), null);
        flow = new FraudChoreographyFlow(context, "fraud-restart-" + UUID.randomUUID() + ".", POLICY);
    }

    @AfterAll
    void stop() {
        if (flow != null) {
            flow.close();
        }
    }

    @Test
    void anOrderApprovedWhileTheServicesAreRestartingCompletes() {
        Order big = bigOrder();
        flow.place(big);
        awaitHeld(big);

        flow.restartServices();
        flow.approve(big.id());

        OrderView done = awaitFinal(big);
        assertThat(done.status()).as("approved after the restart (TODOs 3, 4)").isEqualTo(OrderStatus.COMPLETED);
        assertThat(domain.payments().chargeCount(big.id())).as("charged once").isEqualTo(1);
    }

    @Test
    void anOrderHeldWhenTheServicesRestartStillTimesOut() {
        Order big = bigOrder();
        flow.place(big);
        awaitHeld(big);

        flow.restartServices();

        OrderView done = awaitFinal(big);
        assertThat(done.status()).as("nobody approved it, restart or not (TODOs 3, 5)").isEqualTo(OrderStatus.REJECTED);
        assertThat(done.reason()).isEqualTo(FraudPolicy.REJECTED_REASON);
        assertThat(domain.payments().refundedCents(big.id())).as("refunded (TODO 7)").isEqualTo(big.totalCents());
        assertThat(done.timeline()).extracting(entry -> entry.service() + "/" + entry.step())
                .as("one review, one refund").containsOnlyOnce("fraud/review", "payment/refund");
    }

    @Test
    void anUnreadableFraudEventIsDeadLetteredAndOrdersGoOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(flow.topics().events(), poisonKey,
                "not json".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(EventCodec.TYPE_HEADER, "FraudCleared".getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<>(EventPublisher.producerConfig(SharedKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(poison).get(30, TimeUnit.SECONDS);
        }
        long price = domain.catalog().priceCents("BOOK-1").orElseThrow();
        Order small = new Order("order-" + UUID.randomUUID(), "customer-poison", List.of(new OrderLine("BOOK-1", 1, price)));
        flow.place(small);

        assertThat(awaitFinal(small).status()).as("the services went on after the poison record").isEqualTo(OrderStatus.COMPLETED);
        List<ConsumerRecord<String, String>> letters = Topics.read(SharedKafka.bootstrapServers(),
                flow.topics().deadLetters(), 5, Duration.ofSeconds(20));
        assertThat(letters).filteredOn(letter -> poisonKey.equals(letter.key()))
                .extracting(letter -> new String(letter.headers().lastHeader(DeadLetters.GROUP).value(), StandardCharsets.UTF_8))
                .as("each of the five services dead-letters the unreadable fraud event (FraudServiceProcess)")
                .containsAll(FraudServices.SERVICES.stream().map(flow.topics()::group).toList());
    }

    private Order bigOrder() {
        long price = domain.catalog().priceCents("DESK-1").orElseThrow();
        return new Order("order-" + UUID.randomUUID(), "customer-restart", List.of(new OrderLine("DESK-1", 3, price)));
    }

    /** Waits until the view says "review" and "review started" is in the log: the hold is then the log's to keep. */
    private void awaitHeld(Order order) {
        Labs.await("the big order to be held for review").until(() -> flow.view(order.id())
                .map(view -> FraudPolicy.STEP.equals(view.currentStep())).orElse(false)
                && ReviewRecovery.read(SharedKafka.bootstrapServers(), flow.topics().events()).open().containsKey(order.id()));
    }

    private OrderView awaitFinal(Order order) {
        Labs.await("the order to reach COMPLETED or REJECTED").until(() -> flow.view(order.id())
                .map(view -> view.status().isFinal()).orElse(false));
        return flow.view(order.id()).orElseThrow();
    }
}
