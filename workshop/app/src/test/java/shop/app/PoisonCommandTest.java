package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.EventTopics;
import shop.choreography.flow.ChoreographyFlow;
import shop.choreography.flow.ChoreographyFlowFactory;
import shop.choreography.flow.ChoreographyService;
import shop.choreography.failures.DeadLetters;
import shop.choreography.failures.ResilientServices;
import shop.choreography.failures.RetryWithBackoff;
import shop.choreography.handlers.RecordProcessor;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.ShopContext;
import shop.infra.Ports;
import shop.testkit.SharedKafka;

/**
 * {@code ./shop poison} against a running choreography on a real broker, with the shop's own topic names: a poison
 * record is dead-lettered once per consumer group and the services go on; a duplicate "order placed" is answered
 * by no one, unless the services do not skip duplicates.
 */
@ExtendWith(SharedKafka.class)
class PoisonCommandTest {
    private final Domain domain = Domain.demo();
    private final ShopContext context = new ShopContext(domain, new SimpleMeterRegistry(), OrderListener.NONE,
            SharedKafka.bootstrapServers(), null, Set.of());
    private final String kafka = SharedKafka.bootstrapServers();

    @Test
    void aPoisonRecordIsDeadLetteredOncePerGroupAndADuplicateIsAnsweredByNoOne() {
        try (ChoreographyFlow flow = new ChoreographyFlow(context, ChoreographyFlowFactory.TOPIC_PREFIX,
                Set.copyOf(ChoreographyFlow.SERVICES))) {
            Order first = placeAndComplete(flow);

            Cli poison = new Cli();
            assertThat(poison.run("poison", "--kafka", kafka, "--wait", "90s")).as("exit code; out: " + poison.out).isZero();
            assertThat(poison.out.toString())
                    .contains("Published a poison record to order-events")
                    .containsPattern("payment +dead letter at order-events.dead-letters offset \\d+, committed past it, went on")
                    .contains("4 of 4 consumer groups dead-lettered the poison record");
            placeAndComplete(flow);

            Cli duplicate = new Cli();
            assertThat(duplicate.run("poison", "--duplicate", first.id(), "--kafka", kafka, "--wait", "90s"))
                    .as("exit code; out: " + duplicate.out).isZero();
            assertThat(duplicate.out.toString())
                    .contains("its records: OrderPlaced 1, PaymentCharged 1, StockReserved 1, ShipmentBooked 1, OrderCompleted 1")
                    .contains("Its records now: OrderPlaced 2, PaymentCharged 1, StockReserved 1, ShipmentBooked 1, OrderCompleted 1")
                    .contains("No service answered the duplicate");
            assertThat(domain.payments().chargeCount(first.id())).as("charges of the duplicated order").isEqualTo(1);
        }
    }

    @Test
    void servicesThatDoNotSkipDuplicatesAnswerTheDuplicateAgainButChargeOnce() {
        String prefix = ChoreographyFlowFactory.TOPIC_PREFIX;
        ChoreographyService.Reactions noSkipping = (service, ctx, topics, publisher) -> new ChoreographyService.Reacting(
                new DeadLetters(RecordProcessor.decoding(new RetryWithBackoff(
                        ResilientServices.handlers(ctx.domain(), Clock.systemUTC()).get(service), RetryWithBackoff.PATIENT)),
                        publisher.producer(), topics.deadLetters(), topics.group(service)), () -> {});
        ChoreographyFlow.Parts parts = new ChoreographyFlow.Parts(ChoreographyFlow.SERVICES, noSkipping, ChoreographyFlow.LAB_05.views());
        try (ChoreographyFlow flow = new ChoreographyFlow(context, prefix, Set.copyOf(ChoreographyFlow.SERVICES), parts)) {
            Order order = placeAndComplete(flow);

            Cli duplicate = new Cli();
            assertThat(duplicate.run("poison", "--duplicate", order.id(), "--kafka", kafka, "--wait", "90s"))
                    .as("exit code; out: " + duplicate.out).isEqualTo(1);
            assertThat(duplicate.out.toString()).contains("The duplicate was answered: payment answered PaymentCharged");
            assertThat(domain.payments().chargeCount(order.id())).as("the idempotency key still charges once").isEqualTo(1);
        }
    }

    @Test
    void noKafkaOrNoSuchOrderIsAOneLineErrorWithExitCode2() {
        Cli nobody = new Cli();
        assertThat(nobody.run("poison", "--kafka", "127.0.0.1:" + Ports.pickFree())).isEqualTo(2);
        assertThat(nobody.err.toString().strip()).doesNotContain("\n").startsWith("error: no Kafka answers at 127.0.0.1:");

        new EventTopics(ChoreographyFlowFactory.TOPIC_PREFIX).create(kafka);
        Cli unknown = new Cli();
        assertThat(unknown.run("poison", "--duplicate", "no-such-order", "--kafka", kafka)).isEqualTo(2);
        assertThat(unknown.err.toString().strip()).doesNotContain("\n")
                .startsWith("error: no \"order placed\" for order no-such-order on order-events");
    }

    private Order placeAndComplete(ChoreographyFlow flow) {
        Order order = new Order("order-" + UUID.randomUUID(), "ada",
                List.of(new OrderLine("BOOK-1", 1, domain.catalog().priceCents("BOOK-1").orElseThrow())));
        flow.place(order);
        Awaitility.await("order " + order.id() + " to complete").atMost(Duration.ofSeconds(60))
                .until(() -> flow.view(order.id()).map(view -> view.status() == OrderStatus.COMPLETED).orElse(false));
        return order;
    }
}
