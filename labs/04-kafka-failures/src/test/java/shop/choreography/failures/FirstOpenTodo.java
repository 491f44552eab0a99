package shop.choreography.failures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import shop.choreography.events.OrderEvent.OutOfStock;
import shop.choreography.events.OrderEvent.PaymentRefunded;
import shop.choreography.events.OrderEvent.ShipmentFailed;
import shop.choreography.events.PoisonEvent;
import shop.domain.Domain;
import shop.flow.Retry;
import shop.testkit.Labs;

/**
 * For the tests that run the services on Kafka: before they start, each TODO they need is tried once alone, in the
 * order of the TODOs, so a test fails naming the first one still open (TODO 1 before TODO 2), not whichever TODO a
 * consumer thread happened to reach first.
 */
final class FirstOpenTodo {
    private FirstOpenTodo() {}

    /**
     * @param needs    what the test does, e.g. "this test refunds out-of-stock orders on Kafka"
     * @param producer where TODO 6's probe may send its one dead letter (to {@code deadLetters}, group "probe"); asked for
     *                 only when TODO 6 is tried
     * @param todos    the TODOs the test needs
     */
    static void of(String needs, Supplier<Producer<String, byte[]>> producer, String deadLetters, int... todos) {
        Clock clock = Clock.systemUTC();
        Domain domain = Domain.demo();
        Instant now = clock.instant();
        String id = "probe-order";
        Map<Integer, Labs.Probe> probes = Map.of(
                1, () -> new RetryWithBackoff(event -> List.of(), new Retry(1, Duration.ofMillis(1), Duration.ofMillis(1)))
                        .react(new PaymentRefunded(id + "/PaymentRefunded", id, now, now, "probe")),
                2, () -> new SkipDuplicates(event -> List.of()).react(new PaymentRefunded(id + "/PaymentRefunded", id, now, now, "probe")),
                3, () -> new PaymentCompensation(domain.payments(), clock).react(new OutOfStock(id + "/OutOfStock", id, now, now, "probe")),
                4, () -> new InventoryCompensation(domain.inventory(), clock)
                        .react(new ShipmentFailed(id + "/ShipmentFailed", id, now, now, "probe")),
                5, () -> new OrderCompensation(clock).react(new PaymentRefunded(id + "/PaymentRefunded", id, now, now, "probe")),
                6, () -> new DeadLetters(record -> {
                    throw new PoisonEvent("probe", null);
                }, producer.get(), deadLetters, "probe").process(new ConsumerRecord<>("probe", 0, 0, id, new byte[0])));
        String list = Arrays.stream(todos).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        Labs.startWith(needs + ", so it needs TODOs " + list,
                Arrays.stream(todos).mapToObj(probes::get).toArray(Labs.Probe[]::new));
    }
}
