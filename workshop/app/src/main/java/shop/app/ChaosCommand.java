package shop.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shop.flow.Consistency;
import shop.flow.FlowFactory;
import shop.infra.Infrastructure;
import shop.infra.Ports;
import shop.run.Flows;

@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Run N orders per flow with faults on (declines, out of stock, no carrier, transient errors,",
                "latency, duplicate requests) and one part of each flow killed and restarted mid-run; then check",
                "every order: none lost or stuck, none charged twice, refunds match, stock conserved. Then trips",
                "(--trips) in each style: none lost or stuck, none booked twice, none rejected still holding a booking.",
                "The choreography also gets a poison record, which each consumer group dead-letters.",
                "While it runs, its meters are on http://127.0.0.1:7070/metrics, where Prometheus scrapes the shop, so the",
                "Grafana dashboards show the run (with a shop already on 7070, it says so and serves them nowhere).",
                "Exits non-zero on any violation."})
final class ChaosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--orders", defaultValue = "1000", description = "orders per flow (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--impl", split = ",", paramLabel = "IMPL", description = "flows to test (default: all found)")
    List<String> impls = new ArrayList<>();

    @Option(names = "--patience", defaultValue = "3m", converter = DurationConverter.class,
            description = "how long to wait for the last orders (default ${DEFAULT-VALUE})")
    Duration patience;

    @Option(names = "--trips", defaultValue = "100", description = "trips per trip flow, 0 for none (default ${DEFAULT-VALUE})")
    int trips;

    @Option(names = "--metrics-port", defaultValue = "7070", paramLabel = "PORT",
            description = "serve the run's meters on 127.0.0.1:PORT/metrics, 0 for none (default ${DEFAULT-VALUE}, the shop's port)")
    int metricsPort;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (orders < 10) {
            throw new IllegalArgumentException("--orders must be at least 10, was " + orders);
        }
        List<FlowFactory> factories = Flows.select(impls);
        Map<String, Consistency.Summary> results = new LinkedHashMap<>();
        List<TripChaosRun.Result> tripResults;
        Consumer<String> progress = line -> out.println("  " + line);
        boolean portChosen = spec.commandLine().getParseResult().hasMatchedOption("--metrics-port");
        try (ChaosMeters meters = ChaosMeters.start(metricsPort, portChosen, System.getenv(), progress);
             Infrastructure infra = Infrastructure.start(Map.of(), Ports.pickFree(), Ports.pickFree(), progress)) {
            for (FlowFactory factory : factories) {
                out.printf("%s: %d orders with faults on%n", factory.name(), orders);
                results.put(factory.name(), new ChaosRun(factory, infra.kafkaBootstrapServers(), infra.temporalTarget(), out)
                        .run(orders, patience, meters));
            }
            tripResults = trips == 0 ? List.of()
                    : new TripChaosRun(infra.kafkaBootstrapServers(), infra.temporalTarget(), meters.tripListener(), out)
                            .runAll(trips, patience);
        }
        print(results, out);
        TripChaosRun.print(tripResults, out);
        return results.values().stream().allMatch(Consistency.Summary::clean)
                && tripResults.stream().allMatch(TripChaosRun.Result::clean) ? 0 : 1;
    }

    private static void print(Map<String, Consistency.Summary> results, PrintWriter out) {
        out.printf("%n%-14s %7s %10s %9s %12s %5s %6s %14s %17s %12s %11s%n", "impl", "orders", "completed", "rejected",
                "compensated", "lost", "stuck", "double charges", "refund mismatches", "stock delta", "terminated");
        results.forEach((impl, s) -> out.printf("%-14s %7d %10d %9d %12d %5d %6d %14d %17d %12d %11d%n", impl, s.orders(),
                s.completed(), s.rejected(), s.compensated(), s.lost(), s.stuck(), s.doubleCharges(),
                s.refundMismatches(), s.stockDelta(), s.terminated()));
        results.forEach((impl, s) -> {
            if (s.terminated() > 0) {
                out.printf("%s: %d order(s) terminated from outside left %d cents charged and %d units reserved%n",
                        impl, s.terminated(), s.leftChargedCents(), s.leftHeldUnits());
            }
        });
        results.forEach((impl, s) -> {
            if (!s.clean()) {
                out.printf("%n%s: %d violation(s), the first ones:%n", impl, s.violations().size());
                s.violations().stream().limit(10).forEach(v -> out.println("  " + v));
            }
        });
        out.println(results.values().stream().allMatch(Consistency.Summary::clean)
                ? "\nConsistent: nothing lost, stuck, charged twice or leaked." : "\nINCONSISTENT: see above.");
    }
}
