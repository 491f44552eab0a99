package shop.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import shop.domain.Catalog;
import shop.domain.Domain;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.ShopContext;

/**
 * One flow the bench races. Each round starts the flow afresh and stops it after, so a flow waiting for its turn
 * takes no CPU from the one being timed; its saturation figure adds up every timed round.
 */
final class Contender {
    private final Function<ShopContext, OrderFlow> start;
    private final BiFunction<Domain, OrderListener, ShopContext> contextFor;
    private final PrintWriter out;
    private final List<Double> rounds = new ArrayList<>();
    private int orders;
    private double seconds;

    Contender(Function<ShopContext, OrderFlow> start, BiFunction<Domain, OrderListener, ShopContext> contextFor,
              PrintWriter out) {
        this.start = start;
        this.contextFor = contextFor;
        this.out = out;
    }

    /** Orders through the flow as fast as it goes, timing nothing: the JIT compiles the hot code meanwhile. */
    void warmUp(int count) throws InterruptedException {
        try (Running running = new Running()) {
            running.bench.saturation(count);
        }
    }

    /** One timed round at saturation, after a few orders that let the consumers join and the connections open. */
    void round(int count) throws InterruptedException {
        try (Running running = new Running()) {
            running.bench.saturation(Math.min(100, count));
            double perSecond = running.bench.saturation(count);
            rounds.add(perSecond);
            orders += count;
            seconds += count / perSecond;
        }
    }

    /** Orders per second over every timed round. */
    double perSecond() {
        return orders / seconds;
    }

    /** e.g. "412/s over 2 rounds: 398, 427": how far apart the rounds were says how noisy the figure is. */
    String figures() {
        return String.format(Locale.ROOT, "%.1f orders/s over %d rounds: %s", perSecond(), rounds.size(),
                rounds.stream().map(round -> String.format(Locale.ROOT, "%.0f", round)).collect(Collectors.joining(", ")));
    }

    record Latency(Percentiles endToEnd, TimeSplit split) {}

    /** End-to-end times of orders placed at a fixed rate, and where their time went. */
    Latency atRate(int count, double perSecond) throws InterruptedException {
        try (Running running = new Running()) {
            running.bench.saturation(Math.min(100, count));
            running.clock.reset();
            Percentiles endToEnd = running.bench.atRate(count, perSecond);
            return new Latency(endToEnd, running.clock.split());
        }
    }

    private final class Running implements AutoCloseable {
        final StepClock clock = new StepClock();
        final OrderFlow flow;
        final FlowBench bench;

        Running() {
            Domain domain = new Domain(Catalog.demo(), Integer.MAX_VALUE / 2);
            this.flow = start.apply(contextFor.apply(domain, clock));
            this.bench = new FlowBench(flow, domain, clock, out);
        }

        @Override
        public void close() {
            flow.close();
        }
    }
}
