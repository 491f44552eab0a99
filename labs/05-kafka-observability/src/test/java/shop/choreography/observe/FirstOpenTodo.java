package shop.choreography.observe;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;
import shop.testkit.Topics;

/**
 * For the tests that run the choreography: before they start, TODOs 1 to 3 are each tried once alone, in their
 * order, so a test fails naming the first one still open instead of whichever a consumer thread reached first. (The
 * choreography needs them all: its handlers pass the trace on (TODOs 1 and 3), and its lag gauge is read every
 * second (TODO 2). TODOs 4 and 5 add meters, which only their own tests look for.)
 */
public final class FirstOpenTodo {
    private FirstOpenTodo() {}

    /** @param needs what the test does, e.g. "this test places orders through the shop's HTTP API" */
    public static void ofTheChoreography(String needs) {
        Labs.startWith(needs + ", so it needs TODOs 1 to 3",
                () -> TraceParent.parse(TraceParent.newTrace().child().header()),
                FirstOpenTodo::lag,
                () -> new ObservedLoops(new SimpleMeterRegistry()).headersFor(new ConsumerRecord<>("probe", 0, 0, "k", new byte[0])));
    }

    private static void lag() throws Exception {
        String topic = "lab05-probe-" + UUID.randomUUID();
        Topics.create(SharedKafka.bootstrapServers(), 1, topic);
        try (ConsumerGroupLag lag = new ConsumerGroupLag(SharedKafka.bootstrapServers(), topic, List.of(topic + "-group"),
                new SimpleMeterRegistry())) {
            lag.refresh();
        }
    }
}
