package shop.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Place orders at a steady rate against a running shop, for the dashboards to show;",
                "stops by itself and prints a summary per flow."})
final class LoadCommand implements Callable<Integer> {
    private static final String[] SKUS = {"BOOK-1", "MUG-1", "TEE-1", "LAMP-1", "DESK-1"};

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:7070", description = "the shop (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--rate", defaultValue = "20", description = "orders per second, per flow (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--duration", defaultValue = "1m", converter = DurationConverter.class,
            description = "how long, e.g. 30s, 2m (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--impl", split = ",", paramLabel = "IMPL", description = "flows to load (default: every flow the shop runs)")
    List<String> impls = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(rate > 0 && rate <= 1000)) {
            throw new IllegalArgumentException("--rate must be between 0 and 1000 orders per second, was " + rate);
        }
        ShopClient shop = new ShopClient(url);
        List<String> running = shop.flows();
        List<String> targets = impls.isEmpty() ? running : impls;
        for (String impl : targets) {
            if (!running.contains(impl)) {
                throw new IllegalArgumentException("--impl " + impl + ": the shop at " + url + " runs " + running);
            }
        }
        out.printf("Loading %s at %.0f orders/s each for %ds%n", targets, rate, duration.toSeconds());
        Map<String, ConcurrentLinkedQueue<String>> placed = new ConcurrentHashMap<>();
        targets.forEach(impl -> placed.put(impl, new ConcurrentLinkedQueue<>()));
        AtomicInteger errors = new AtomicInteger();

        long intervalNanos = (long) (1e9 / rate);
        Instant start = Instant.now();
        Instant end = start.plus(duration);
        long next = System.nanoTime();
        long lastReport = System.nanoTime();
        int sequence = 0;
        while (Instant.now().isBefore(end)) {
            for (String impl : targets) {
                String sku = SKUS[sequence % SKUS.length];
                shop.placeOrderAsync("load-" + (sequence % 97), sku, 1 + sequence % 3, impl)
                        .whenComplete((id, error) -> {
                            if (error != null) {
                                errors.incrementAndGet();
                            } else {
                                placed.get(impl).add(id);
                            }
                        });
            }
            sequence++;
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                out.printf("  %3ds of %ds: placed %d, HTTP errors %d%n", Duration.between(start, Instant.now()).toSeconds(),
                        duration.toSeconds(),
                        placed.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum(), errors.get());
            }
        }
        out.println("Waiting up to 30 s for the last orders to finish, then reading every order's result...");
        new Summary(shop, out).print(placed, errors.get(), Duration.ofSeconds(30));
        return errors.get() == 0 ? 0 : 1;
    }

    /** Per flow: how many orders ended how, and their end-to-end latency. */
    record Summary(ShopClient shop, PrintWriter out) {
        void print(Map<String, ConcurrentLinkedQueue<String>> placed, int httpErrors, Duration patience) throws Exception {
            out.printf("%n%-14s %8s %10s %9s %8s %8s %8s %8s%n", "impl", "placed", "completed", "rejected", "pending",
                    "p50 ms", "p95 ms", "p99 ms");
            Instant deadline = Instant.now().plus(patience); // one wait for every flow's orders, not one per flow
            for (var entry : placed.entrySet()) {
                int completed = 0, rejected = 0, pending = 0;
                List<Double> latencies = new ArrayList<>();
                for (String id : entry.getValue()) {
                    JsonNode order = shop.awaitFinal(id, Duration.between(Instant.now(), deadline).isNegative()
                            ? Duration.ZERO : Duration.between(Instant.now(), deadline));
                    switch (order.path("status").asText()) {
                        case "COMPLETED" -> completed++;
                        case "REJECTED" -> rejected++;
                        default -> pending++;
                    }
                    if (order.hasNonNull("finishedAt")) {
                        latencies.add(Duration.between(Instant.parse(order.get("placedAt").asText()),
                                Instant.parse(order.get("finishedAt").asText())).toNanos() / 1e6);
                    }
                }
                Percentiles p = new Percentiles(latencies);
                out.printf("%-14s %8d %10d %9d %8d %8.1f %8.1f %8.1f%n", entry.getKey(), entry.getValue().size(), completed,
                        rejected, pending, p.at(50), p.at(95), p.at(99));
            }
            out.printf("HTTP errors: %d%n", httpErrors);
        }
    }
}
