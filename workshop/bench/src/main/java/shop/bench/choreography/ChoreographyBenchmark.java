package shop.bench.choreography;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import shop.choreography.flow.ChoreographyFlow;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderListener;
import shop.flow.OrderView;
import shop.flow.ShopContext;
import shop.infra.EmbeddedKafka;
import shop.infra.Ports;

/**
 * Pushes N orders through the choreography and prints orders per second and end-to-end latency percentiles; then,
 * on the same broker, produces and consumes as many records as the flow published, with no handler logic, and
 * prints the ratio. A measurement to read, not a test: the figures depend on the machine.
 */
public final class ChoreographyBenchmark {
    /** Events one completed order publishes: placed, charged, reserved, booked, completed. */
    public static final int EVENTS_PER_ORDER = 5;
    /** Consumers of every event: the four services' groups and the order projection. */
    public static final int READERS = 5;

    private ChoreographyBenchmark() {}

    public static void run(String bootstrapServers, int orderCount, PrintStream out) {
        out.printf("choreography benchmark: %,d orders on %s%n", orderCount, bootstrapServers);
        FlowRun flow = runFlow(bootstrapServers, orderCount);
        long records = (long) orderCount * EVENTS_PER_ORDER;
        long flowMoved = records + records * READERS;
        out.printf("  flow:  %,d orders in %.2f s = %,.0f orders/s%n", orderCount, seconds(flow.elapsed()),
                orderCount / seconds(flow.elapsed()));
        out.printf("         %,d events published, each read by %d consumers: %,d records moved = %,.0f records/s%n",
                records, READERS, flowMoved, flowMoved / seconds(flow.elapsed()));
        out.printf("         end-to-end latency p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                flow.percentile(50), flow.percentile(95), flow.percentile(99), flow.percentile(100));

        Duration raw = RawKafka.produceAndConsume(bootstrapServers, records);
        long rawMoved = 2 * records;
        out.printf("  raw:   %,d records produced and consumed once in %.2f s: %,d records moved = %,.0f records/s%n",
                records, seconds(raw), rawMoved, rawMoved / seconds(raw));
        out.printf("  ratio: records moved per second, flow / raw = %.0f%%; events published per second, flow / raw = %.0f%%%n",
                100 * (flowMoved / seconds(flow.elapsed())) / (rawMoved / seconds(raw)),
                100 * (records / seconds(flow.elapsed())) / (records / seconds(raw)));
    }

    /**
     * The raw figure for {@code ./shop bench}: the events of {@code orderCount} orders produced and consumed once on
     * this broker with no handler logic, expressed as orders per second.
     */
    public static double rawOrdersPerSecond(String bootstrapServers, int orderCount) {
        Duration raw = RawKafka.produceAndConsume(bootstrapServers, (long) orderCount * EVENTS_PER_ORDER);
        return orderCount / seconds(raw);
    }

    private record FlowRun(Duration elapsed, long[] latenciesMs) {
        long percentile(int p) {
            int index = (int) Math.ceil(p / 100.0 * latenciesMs.length) - 1;
            return latenciesMs[Math.max(0, Math.min(index, latenciesMs.length - 1))];
        }
    }

    private static FlowRun runFlow(String bootstrapServers, int orderCount) {
        Domain domain = new Domain(Domain.demo().catalog(), Math.max(Domain.DEFAULT_STOCK_PER_SKU, orderCount + 1));
        ShopContext context = new ShopContext(domain, new SimpleMeterRegistry(), OrderListener.NONE, bootstrapServers, null);
        String prefix = "bench-" + UUID.randomUUID() + ".";
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < orderCount; i++) {
            orders.add(new Order("bench-" + i + "-" + UUID.randomUUID(), "bench", List.of(mug())));
        }
        try (ChoreographyFlow flow = new ChoreographyFlow(context, prefix, Set.copyOf(ChoreographyFlow.SERVICES))) {
            warmUp(flow);
            long start = System.nanoTime();
            orders.forEach(flow::placeAsync);
            long[] latencies = new long[orderCount];
            for (int i = 0; i < orderCount; i++) {
                latencies[i] = awaitFinal(flow, orders.get(i).id()).toMillis();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Arrays.sort(latencies);
            return new FlowRun(elapsed, latencies);
        }
    }

    /** One order first, so consumer groups have joined before the clock starts. */
    private static void warmUp(ChoreographyFlow flow) {
        Order first = new Order("bench-warm-up-" + UUID.randomUUID(), "bench", List.of(mug()));
        flow.place(first);
        awaitFinal(flow, first.id());
    }

    /** One mug at the catalogue's price: the services refuse any other price. */
    private static OrderLine mug() {
        return new OrderLine("MUG-1", 1, Domain.demo().catalog().priceCents("MUG-1").orElseThrow());
    }

    private static Duration awaitFinal(ChoreographyFlow flow, String orderId) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            OrderView view = flow.view(orderId).orElse(null);
            if (view != null && view.status().isFinal()) {
                return Duration.between(view.placedAt(), view.finishedAt());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("order " + orderId + " did not finish within 5 minutes");
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** Runs on an embedded broker: {@code [orderCount]}, or on {@code KAFKA_BOOTSTRAP_SERVERS} if set. */
    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            run(external, orders, System.out);
            return;
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Ports.pickFree())) {
            run(kafka.bootstrapServers(), orders, System.out);
        }
    }
}
