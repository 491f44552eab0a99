package shop.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shop.domain.Catalog;
import shop.domain.Domain;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.RawBaseline;
import shop.flow.ShopContext;
import shop.infra.Infrastructure;
import shop.infra.Ports;
import shop.run.Flows;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure every flow on the same embedded Kafka and Temporal in one run: orders/s at saturation,",
                "p50/p95/p99 end-to-end latency at a fixed rate, and the ratio to the raw infrastructure.",
                "Prints a table and writes bench.csv and bench.html (SVG charts)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--orders", defaultValue = "2000", description = "orders for the saturation run (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--rate", defaultValue = "20", description = "orders/s for the latency run (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--latency-orders", defaultValue = "500", description = "orders for the latency run (default ${DEFAULT-VALUE})")
    int latencyOrders;

    @Option(names = "--impl", split = ",", paramLabel = "IMPL", description = "flows to measure (default: all found)")
    List<String> impls = new ArrayList<>();

    @Option(names = "--out", defaultValue = "bench-results", description = "where to write bench.csv and bench.html (default ${DEFAULT-VALUE})")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (orders < 1 || latencyOrders < 1 || !(rate > 0)) {
            throw new IllegalArgumentException("--orders, --latency-orders and --rate must be positive");
        }
        List<FlowFactory> factories = Flows.select(impls);
        out.println("Starting embedded Kafka and Temporal on free ports...");
        List<BenchResult> results = new ArrayList<>();
        try (Infrastructure infra = Infrastructure.start(Map.of(), Ports.pickFree(), Ports.pickFree(),
                line -> out.println("  " + line))) {
            for (FlowFactory factory : factories) {
                results.add(measure(factory, infra, out));
            }
        }
        BenchReport.printTable(results, out);
        Files.createDirectories(outDir);
        BenchReport.writeCsv(results, outDir.resolve("bench.csv"));
        BenchReport.writeHtml(results, outDir.resolve("bench.html"));
        out.println("Wrote " + outDir.resolve("bench.csv") + " and " + outDir.resolve("bench.html"));
        return 0;
    }

    private BenchResult measure(FlowFactory factory, Infrastructure infra, PrintWriter out) throws Exception {
        Domain domain = new Domain(Catalog.demo(), Integer.MAX_VALUE / 2);
        ShopContext context = new ShopContext(domain, new SimpleMeterRegistry(), OrderListener.NONE,
                infra.kafkaBootstrapServers(), infra.temporalTarget());
        out.println(factory.name() + ":");
        try (OrderFlow flow = factory.create(context)) {
            FlowBench bench = new FlowBench(flow, domain, out);
            bench.saturation(Math.min(100, orders));
            out.printf("  saturation: %d orders as fast as they go%n", orders);
            double perSecond = bench.saturation(orders);
            out.printf("  latency: %d orders at %.0f/s%n", latencyOrders, rate);
            Percentiles latency = bench.atRate(latencyOrders, rate);
            Optional<RawBaseline.Result> baseline = Optional.empty();
            for (RawBaseline raw : ServiceLoader.load(RawBaseline.class)) {
                if (raw.impl().equals(factory.name())) {
                    out.printf("  raw infrastructure: the same work with no business logic%n");
                    baseline = Optional.of(raw.measure(context, orders));
                    out.printf("  raw infrastructure: %.0f/s (%s)%n", baseline.get().perSecond(), baseline.get().what());
                }
            }
            return new BenchResult(factory.name(), orders, perSecond, latencyOrders, rate, latency.at(50), latency.at(95),
                    latency.at(99), baseline.map(RawBaseline.Result::what).orElse(null),
                    baseline.map(RawBaseline.Result::perSecond).orElse(0.0));
        }
    }
}
