package shop.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shop.infra.Ports;
import shop.metrics.OrderMetrics;
import shop.run.Shop;
import shop.run.ShopOptions;

@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"The day before a session: check the JDK and the default ports, start the whole shop on the",
                "embedded stack and run a smoke order through every flow; with --docker, also bring up infra/",
                "(./shop stack up), check each web UI, and prove that its Prometheus scrapes a shop on this machine."})
final class PreflightCommand implements Callable<Integer> {
    private static final Map<Integer, String> SHOP_PORTS = new java.util.TreeMap<>(
            Map.of(7070, "shop HTTP API", 9092, "Kafka", 7233, "Temporal"));

    @Spec
    CommandSpec spec;

    @Option(names = "--docker", description = {"also bring up infra/ as `./shop stack up` does, check every UI, run a smoke",
            "order through every flow on the stack's Kafka and Temporal, and check that its Prometheus scrapes the shop"})
    boolean docker;

    private PrintWriter out;
    private int failures;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        check("JDK 17 or newer (this is " + Runtime.version().feature() + ")", Runtime.version().feature() >= 17);
        SHOP_PORTS.forEach((port, what) -> check("port " + port + " (" + what + ") is free", Ports.isFree(port)));
        if (failures == 0) {
            smokeOrders();
        } else {
            out.println("  (skipping the smoke orders: stop whatever uses the ports above first)");
        }
        if (docker) {
            dockerStack();
        }
        out.println(failures == 0 ? "Ready." : failures + " check(s) failed.");
        return failures == 0 ? 0 : 1;
    }

    private void smokeOrders() {
        ShopOptions options = ShopOptions.defaults();
        try (Shop shop = Shop.start(options, OrderMetrics::new, line -> {})) {
            ShopClient client = new ShopClient(shop.baseUrl());
            for (var flow : shop.flows()) {
                String id = client.placeOrder("preflight", "BOOK-1", 1, flow.name());
                String status = client.awaitFinal(id, Duration.ofSeconds(60)).path("status").asText();
                check("a smoke order through the " + flow.name() + " flow completes (" + status + ")",
                        status.equals("COMPLETED"));
            }
        } catch (Exception e) {
            check("the shop starts on the embedded stack: " + e.getMessage(), false);
        }
    }

    /** ./shop stack up, then a shop on 7070 against the stack's Kafka and Temporal, scraped by its Prometheus. */
    private void dockerStack() throws Exception {
        Stack stack;
        StackFiles files;
        try {
            stack = new Stack(StackCommand.infra(), "docker", out);
            files = stack.files();
        } catch (IllegalArgumentException e) {
            check(e.getMessage(), false);
            return;
        }
        List<String> problems = stack.start(files);
        problems.forEach(problem -> check(problem, false));
        if (!problems.isEmpty()) {
            return;
        }
        stack.check(files, Duration.ofMinutes(2), false, false).forEach(problem -> check(problem, false));
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092", "TEMPORAL_ADDRESS", "127.0.0.1:7233");
        ShopOptions defaults = ShopOptions.defaults();
        ShopOptions options = new ShopOptions(defaults.port(), defaults.kafkaPort(), defaults.temporalPort(), List.of(),
                java.util.Set.of(), defaults.stockPerSku(), env);
        try (Shop shop = Shop.start(options, OrderMetrics::new, line -> {})) {
            ShopClient client = new ShopClient(shop.baseUrl());
            for (var flow : shop.flows()) {
                String id = client.placeOrder("preflight", "BOOK-1", 1, flow.name());
                String status = client.awaitFinal(id, Duration.ofSeconds(60)).path("status").asText();
                check("a smoke order through the " + flow.name() + " flow on the stack's Kafka and Temporal completes ("
                        + status + ")", status.equals("COMPLETED"));
            }
            String why = new StackProbe().shopScraped(files.hostNetwork(), Duration.ofSeconds(30));
            check("the stack's Prometheus scrapes the shop on 127.0.0.1:7070" + (why == null ? "" : ": " + why), why == null);
        } catch (Exception e) {
            check("the shop starts against the stack: " + e.getMessage(), false);
        }
        out.println("  (the stack stays up: ./shop stack down stops it)");
    }

    private void check(String what, boolean ok) {
        out.println((ok ? "  ok    " : "  FAIL  ") + what);
        if (!ok) {
            failures++;
        }
    }
}
