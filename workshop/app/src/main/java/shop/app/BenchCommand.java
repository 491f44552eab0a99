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
import java.util.function.BiFunction;

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
        description = {"Measure every flow on the same Kafka and Temporal in one run: orders/s at",
                "saturation, p50/p95/p99 end to end at a fixed rate, where an order's time goes",
                "(inside steps, between them), and the ratio to a baseline of the same shape (the",
                "same flow with handlers or activities that do nothing) and to the bare",
                "infrastructure. --scaling adds lab 10's run: the payment step slowed, 1, 2, 4...",
                "consumers or slots. Embedded servers on free ports, or KAFKA_BOOTSTRAP_SERVERS /",
                "TEMPORAL_ADDRESS (run no shop against them meanwhile: the bench uses the shop's",
                "topic and task queue). Writes bench.csv, bench-scaling.csv and bench.html.", ""})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--orders", defaultValue = "2000", description = "orders for the saturation run (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--warm-up", defaultValue = "500", paramLabel = "N",
            description = "orders through each flow and its same-shape baseline before anything is timed, so that "
                    + "neither is timed while the JIT still compiles it or its consumers join (default ${DEFAULT-VALUE})")
    int warmUpOrders;

    @Option(names = "--rate", defaultValue = "20", description = "orders/s for the latency run (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--latency-orders", defaultValue = "500", description = "orders for the latency run (default ${DEFAULT-VALUE})")
    int latencyOrders;

    @Option(names = "--impl", split = ",", paramLabel = "IMPL", description = "flows to measure (default: all found)")
    List<String> impls = new ArrayList<>();

    @Option(names = "--out", defaultValue = "bench-results", description = "where to write bench.csv and bench.html (default ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--scaling", arity = "0..1", split = ",", fallbackValue = "1,2,4,8,16", paramLabel = "N",
            description = "also the scaling run, with these consumers per group / activity slots (--scaling alone: "
                    + "1,2,4,8,16)")
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
        if (orders < 1 || latencyOrders < 1 || !(rate > 0) || scalingOrders < 1 || slowMillis < 0 || warmUpOrders < 1
                || scaling.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--orders, --latency-orders, --rate, --scaling-orders, --scaling and --warm-up "
                    + "must be positive, --slow-ms 0 or more");
        }
        parallelism.value(); // nonsense slots or consumers fail here, before any server starts
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

    /**
     * Races the flow against its same-shape baseline. Both are warmed up first, so neither is timed while the JIT still
     * compiles it; then they run in turns, flow-baseline-baseline-flow, half the orders each time, so that what drifts
     * during the run (the test server's growing memory, the broker's log) weighs on both alike.
     */
    private BenchResult measure(FlowFactory factory, Infrastructure infra, PrintWriter out) throws Exception {
        out.println(factory.name() + ":");
        List<SameShapeBaseline> shapes = ServiceLoader.load(SameShapeBaseline.class).stream().map(ServiceLoader.Provider::get)
                .filter(shape -> shape.impl().equals(factory.name())).toList();
        BiFunction<Domain, OrderListener, ShopContext> contextFor = (domain, listener) -> context(infra, domain, listener);
        Contender flow = new Contender(factory::create, contextFor, out);
        List<Contender> shapeFlows = shapes.stream().map(shape -> new Contender(shape::start, contextFor, out)).toList();
        out.printf("  warm-up: %d orders through the flow%s, not timed%n", warmUpOrders,
                shapes.isEmpty() ? "" : " and through its same-shape baseline");
        flow.warmUp(warmUpOrders);
        for (Contender shape : shapeFlows) {
            shape.warmUp(warmUpOrders);
        }
        int half = Math.max(1, orders / 2);
        out.printf("  saturation: %d orders as fast as they go, in two rounds of %d%s%n", 2 * half, half,
                shapes.isEmpty() ? "" : " around the baseline's two");
        flow.round(half);
        for (Contender shape : shapeFlows) {
            shape.round(half);
            shape.round(half);
        }
        flow.round(half);
        out.println("  saturation: " + flow.figures());
        List<BenchResult.Baseline> baselines = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            baselines.add(new BenchResult.Baseline(shapes.get(i).what(), shapeFlows.get(i).perSecond(), true));
            out.println("  same shape: " + shapeFlows.get(i).figures());
        }
        out.printf("  latency: %d orders at %.0f/s%n", latencyOrders, rate);
        Contender.Latency latency = flow.atRate(latencyOrders, rate);
        out.println("  where the time goes: " + latency.split().line());
        for (RawBaseline raw : ServiceLoader.load(RawBaseline.class)) {
            if (raw.impl().equals(factory.name())) {
                RawBaseline.Result result = raw.measure(context(infra, new Domain(Catalog.demo(), 1), OrderListener.NONE), orders);
                out.printf("  bare infrastructure: %.0f/s (%s)%n", result.perSecond(), result.what());
                baselines.add(new BenchResult.Baseline(result.what(), result.perSecond(), false));
            }
        }
        Percentiles endToEnd = latency.endToEnd();
        return new BenchResult(factory.name(), 2 * half, flow.perSecond(), latencyOrders, rate, endToEnd.at(50),
                endToEnd.at(95), endToEnd.at(99), baselines, latency.split());
    }
}
