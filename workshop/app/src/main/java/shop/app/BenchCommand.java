package shop.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shop.domain.Catalog;
import shop.domain.Domain;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.RawBaseline;
import shop.flow.SameShapeBaseline;
import shop.flow.ShopContext;
import shop.infra.Infrastructure;
import shop.infra.Ports;
import shop.run.Flows;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure every flow on the same Kafka and Temporal in one run: orders/s at saturation, p50/p95/p99",
                "end-to-end latency at a fixed rate, where an order's time goes (inside steps, between them), and the ratio",
                "to a baseline of the same shape (the same flow with handlers or activities that do nothing) and to the",
                "bare infrastructure. --scaling adds lab 10's run: the payment step slowed, 1, 2, 4... consumers or slots.",
                "Embedded servers on free ports, or KAFKA_BOOTSTRAP_SERVERS / TEMPORAL_ADDRESS (run no shop against them",
                "meanwhile: the bench uses the shop's topic and task queue). Writes bench.csv, bench-scaling.csv, bench.html."})
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

    @Option(names = "--scaling", arity = "0..1", split = ",", fallbackValue = "1,2,4,8,16", paramLabel = "N",
            description = {"also the scaling run, with these consumers per group / activity slots",
                    "(--scaling alone: 1,2,4,8,16)"})
    List<Integer> scaling = new ArrayList<>();

    @Option(names = "--scaling-orders", defaultValue = "200", description = "orders per setting of the scaling run (default ${DEFAULT-VALUE})")
    int scalingOrders;

    @Option(names = "--slow-ms", defaultValue = "300", description = "the payment step's delay in the scaling run (default ${DEFAULT-VALUE})")
    int slowMillis;

    @Mixin
    ParallelismOptions parallelism = new ParallelismOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (orders < 1 || latencyOrders < 1 || !(rate > 0) || scalingOrders < 1 || slowMillis < 0
                || scaling.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--orders, --latency-orders, --rate, --scaling-orders and --scaling must be "
                    + "positive, --slow-ms 0 or more");
        }
        List<FlowFactory> factories = Flows.select(impls);
        List<BenchResult> results = new ArrayList<>();
        List<ScalingResult> scaled = new ArrayList<>();
        BenchSetup setup;
        try (Infrastructure infra = Infrastructure.start(System.getenv(), Ports.pickFree(), Ports.pickFree(),
                line -> out.println("  " + line))) {
            setup = BenchSetup.of(System.getenv(), infra.kafkaBootstrapServers(), infra.temporalTarget(),
                    parallelism.value(), String.format(Locale.ROOT, "%d orders at saturation (%d clients), %d at %.0f/s",
                            orders, FlowBench.CLIENTS, latencyOrders, rate));
            setup.lines().forEach(out::println);
            for (FlowFactory factory : factories) {
                results.add(measure(factory, infra, out));
            }
            ScalingRun run = new ScalingRun(infra.kafkaBootstrapServers(), infra.temporalTarget(), slowMillis, rate,
                    scalingOrders, out);
            for (FlowFactory factory : factories) {
                if (!scaling.isEmpty() && ScalingRun.scales(factory.name())) {
                    out.printf("%s scaling: payment slowed to %d ms, %d orders at %.0f/s%n", factory.name(), slowMillis,
                            scalingOrders, rate);
                    scaled.addAll(run.run(factory, scaling));
                }
            }
        }
        BenchReport.printTable(results, setup, out);
        BenchReport.printScaling(scaled, out);
        Files.createDirectories(outDir);
        BenchReport.writeCsv(results, setup, outDir.resolve("bench.csv"));
        BenchReport.writeScalingCsv(scaled, setup, outDir.resolve("bench-scaling.csv"));
        BenchReport.writeHtml(results, scaled, setup, outDir.resolve("bench.html"));
        out.println("Wrote " + outDir.resolve("bench.csv") + ", " + outDir.resolve("bench-scaling.csv") + " and "
                + outDir.resolve("bench.html"));
        return 0;
    }

    private ShopContext context(Infrastructure infra, Domain domain, OrderListener listener) {
        return new ShopContext(domain, new SimpleMeterRegistry(), listener, infra.kafkaBootstrapServers(),
                infra.temporalTarget(), Set.of(), parallelism.value());
    }

    private BenchResult measure(FlowFactory factory, Infrastructure infra, PrintWriter out) throws Exception {
        out.println(factory.name() + ":");
        StepClock clock = new StepClock();
        Domain domain = new Domain(Catalog.demo(), Integer.MAX_VALUE / 2);
        double perSecond;
        Percentiles latency;
        TimeSplit split;
        try (OrderFlow flow = factory.create(context(infra, domain, clock))) {
            FlowBench bench = new FlowBench(flow, domain, clock, out);
            bench.saturation(Math.min(100, orders));
            out.printf("  saturation: %d orders as fast as they go%n", orders);
            perSecond = bench.saturation(orders);
            out.printf(Locale.ROOT, "  saturation: %.1f orders/s%n", perSecond);
            out.printf("  latency: %d orders at %.0f/s%n", latencyOrders, rate);
            clock.reset();
            latency = bench.atRate(latencyOrders, rate);
            split = clock.split();
            out.println("  where the time goes: " + split.line());
        }
        List<BenchResult.Baseline> baselines = new ArrayList<>();
        for (SameShapeBaseline shape : ServiceLoader.load(SameShapeBaseline.class)) {
            if (shape.impl().equals(factory.name())) {
                out.printf("  same shape: %s%n", shape.what());
                StepClock shapeClock = new StepClock();
                Domain shapeDomain = new Domain(Catalog.demo(), Integer.MAX_VALUE / 2);
                try (OrderFlow empty = shape.start(context(infra, shapeDomain, shapeClock))) {
                    FlowBench bench = new FlowBench(empty, shapeDomain, shapeClock, out);
                    bench.saturation(Math.min(100, orders));
                    baselines.add(new BenchResult.Baseline(shape.what(), bench.saturation(orders), true));
                }
                out.printf("  same shape: %.0f orders/s%n", baselines.get(baselines.size() - 1).perSecond());
            }
        }
        for (RawBaseline raw : ServiceLoader.load(RawBaseline.class)) {
            if (raw.impl().equals(factory.name())) {
                RawBaseline.Result result = raw.measure(context(infra, new Domain(Catalog.demo(), 1), OrderListener.NONE), orders);
                out.printf("  bare infrastructure: %.0f/s (%s)%n", result.perSecond(), result.what());
                baselines.add(new BenchResult.Baseline(result.what(), result.perSecond(), false));
            }
        }
        return new BenchResult(factory.name(), orders, perSecond, latencyOrders, rate, latency.at(50), latency.at(95),
                latency.at(99), baselines, split);
    }
}
