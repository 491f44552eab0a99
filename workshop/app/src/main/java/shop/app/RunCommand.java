package shop.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.metrics.OrderMetrics;
import shop.run.Flows;
import shop.run.ServiceProcess;
import shop.run.Shop;
import shop.run.ShopOptions;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the shop: embedded Kafka and Temporal (unless KAFKA_BOOTSTRAP_SERVERS / TEMPORAL_ADDRESS",
                "are set), every flow, the HTTP API; place a few demo orders; run until Ctrl-C."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:PORT:-7070}",
            description = "HTTP port (default ${DEFAULT-VALUE}; with --service: a free port)")
    int port;

    @Option(names = "--host", defaultValue = "${env:SHOP_HOST:-127.0.0.1}",
            description = "address the HTTP server listens on (default ${DEFAULT-VALUE}; for Prometheus in Docker on Linux: 172.17.0.1)")
    String host;

    @Option(names = "--kafka-port", defaultValue = "${env:KAFKA_PORT:-9092}", description = "embedded Kafka port (default ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--temporal-port", defaultValue = "${env:TEMPORAL_PORT:-7233}", description = "embedded Temporal port (default ${DEFAULT-VALUE})")
    int temporalPort;

    @Option(names = "--impl", split = ",", paramLabel = "IMPL",
            description = "flows to run: direct, choreography, orchestration (default: all found; the first is the default for POST /orders)")
    List<String> impls = new ArrayList<>();

    @Option(names = "--skip-service", split = ",", paramLabel = "SERVICE",
            description = "parts of a flow that run in another process (e.g. payment, worker)")
    Set<String> skippedServices = Set.of();

    @Option(names = "--service", paramLabel = "SERVICE",
            description = "run only this part of the --impl flow (e.g. payment, worker) against a shop started elsewhere")
    String service;

    @Option(names = "--shop", defaultValue = "${env:SHOP_URL:-http://127.0.0.1:7070}", paramLabel = "URL",
            description = "with --service: the shop whose faults apply and that sees this process (default ${DEFAULT-VALUE})")
    String shopUrl;

    @Option(names = "--demo-orders", defaultValue = "2", description = "demo orders per flow at start-up (default ${DEFAULT-VALUE})")
    int demoOrders;

    @Option(names = "--once", description = "stop after the demo orders (a smoke test)")
    boolean once;

    @Option(names = "--data", paramLabel = "DIR",
            description = {"the shop's data directory: the embedded Kafka keeps its log in DIR/kafka, so choreography",
                    "orders survive a crash and a restart (default: .shop/ in the repository, which git ignores)"})
    Path data;

    @Option(names = "--fresh", description = "wipe the Kafka log in the data directory first: start with no orders")
    boolean fresh;

    @Option(names = "--mine", arity = "0..1", split = ",", fallbackValue = "", paramLabel = "LAB",
            description = {"run your code from labs/ for every lab whose check passes, the solution for the others;",
                    "--mine=03,04: stop with an error if those labs can't run your code"})
    List<String> mine;

    @Mixin
    ParallelismOptions parallelism = new ParallelismOptions();

    @Override
    public Integer call() throws Exception {
        long startedAt = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        ClassLoader code = whoseCode(out);
        Thread.currentThread().setContextClassLoader(code);
        shop.observe.OrderLog.writeTo(shopDir().resolve("orders.log"));
        if (service != null) {
            return runService(out, code);
        }
        ShopOptions options = new ShopOptions(port, kafkaPort, temporalPort, impls, skippedServices,
                shop.domain.Domain.DEFAULT_STOCK_PER_SKU, System.getenv(), host).withKafkaData(dataDir(), fresh)
                .withParallelism(parallelism.value());
        out.println("Starting the shop...");
        Shop shop = Shop.start(options, orderMetrics(code), line -> out.println("  " + line));
        Thread stopper = new Thread(() -> {
            out.println("Stopping the shop...");
            shop.close();
            out.println("Stopped.");
        }, "shop-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);

        Duration firstOrder = placeDemoOrders(shop, out, startedAt);
        printReady(shop, out, startedAt, firstOrder);
        if (once) {
            Runtime.getRuntime().removeShutdownHook(stopper);
            stopper.run();
            return 0;
        }
        new CountDownLatch(1).await();
        return 0;
    }

    /** The class loader of the labs' code: the shop's own (the solutions), or with --mine, the attendee's where it is done. */
    private ClassLoader whoseCode(PrintWriter out) throws Exception {
        ClassLoader shop = getClass().getClassLoader();
        if (mine == null) {
            return shop;
        }
        WhoseCode whose = new WhoseCode(Repository.here(), shop);
        List<String> insisted = mine.stream().filter(lab -> !lab.isBlank()).toList();
        List<WhoseCode.Choice> choices = whose.choose(insisted, line -> out.println("  " + line));
        out.println("Whose code runs (--mine): yours where the lab's check passes, the solution elsewhere");
        choices.forEach(choice -> out.println("  " + choice.line()));
        return whose.loader(choices);
    }

    /** --data, or .shop/kafka in the repository (in the current directory outside one). */
    private Path dataDir() {
        return shopDir().resolve("kafka");
    }

    /** --data, or .shop in the repository: the Kafka log, and orders.log, one line per step of an order. */
    private Path shopDir() {
        return data != null ? data : repositoryRoot().resolve(".shop");
    }

    private static Path repositoryRoot() {
        try {
            return Repository.here().root();
        } catch (IllegalArgumentException notInTheRepository) {
            return Path.of("");
        }
    }

    /** Lab 01's meters, from the labs' class loader. */
    private static Function<MeterRegistry, OrderListener> orderMetrics(ClassLoader code) throws ClassNotFoundException {
        Class<? extends OrderListener> meters = Class.forName(OrderMetrics.class.getName(), true, code)
                .asSubclass(OrderListener.class);
        return registry -> {
            try {
                return meters.getConstructor(MeterRegistry.class).newInstance(registry);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + meters.getName() + ": " + e, e);
            }
        };
    }

    private Integer runService(PrintWriter out, ClassLoader code) throws Exception {
        if (impls.size() != 1) {
            throw new IllegalArgumentException("--service needs exactly one --impl, e.g. --impl choreography --service payment");
        }
        boolean portGiven = spec.commandLine().getParseResult().hasMatchedOption("--port");
        ShopOptions options = new ShopOptions(portGiven ? port : 0, kafkaPort, temporalPort, impls, Set.of(),
                shop.domain.Domain.DEFAULT_STOCK_PER_SKU, System.getenv(), host).withParallelism(parallelism.value());
        ServiceProcess process = ServiceProcess.start(impls.get(0), service, options, shopUrl, orderMetrics(code),
                line -> out.println("  " + line));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                process.close();
            } catch (Exception e) {
                out.println("error while stopping: " + e.getMessage());
            }
        }, "service-shutdown"));
        out.println("The " + impls.get(0) + " " + service + " service is running. Press Ctrl-C to stop it.");
        if (!once) {
            new CountDownLatch(1).await();
        }
        return 0;
    }

    /** @return time from start until the first demo order was final, or null if none ran */
    private Duration placeDemoOrders(Shop shop, PrintWriter out, long startedAt) throws Exception {
        if (demoOrders <= 0) {
            return null;
        }
        ShopClient client = new ShopClient(shop.baseUrl());
        Duration first = null;
        out.println("Placing " + demoOrders + " demo order(s) per flow:");
        for (OrderFlow flow : shop.flows()) {
            List<String> elsewhere = servicesElsewhere(flow);
            for (int i = 0; i < demoOrders; i++) {
                String id = client.placeOrder("demo", "BOOK-1", 1 + i, flow.name());
                // an order that needs a service of another process waits for it: don't wait here
                JsonNode order = elsewhere.isEmpty() ? client.awaitFinal(id, Duration.ofSeconds(60)) : client.order(id);
                String status = order.path("status").asText();
                if (first == null && (status.equals("COMPLETED") || status.equals("REJECTED"))) {
                    first = Duration.ofNanos(System.nanoTime() - startedAt);
                }
                out.printf("  %-14s %s  %-9s %s%n", flow.name(), id, status, elsewhere.isEmpty()
                        ? order.path("timeline").size() + " steps" : "waits for " + String.join(", ", elsewhere) + " (another process)");
            }
        }
        return first;
    }

    /** The flow's services that --skip-service leaves to another process. */
    private List<String> servicesElsewhere(OrderFlow flow) {
        FlowFactory factory = Flows.available().get(flow.name());
        return factory == null ? List.of() : factory.services().stream().filter(skippedServices::contains).toList();
    }

    private void printReady(Shop shop, PrintWriter out, long startedAt, Duration firstOrder) {
        double jvmSeconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        out.println();
        out.printf("Shop ready: %.1f s since the command started (JVM up %.1f s)%s%n",
                (System.nanoTime() - startedAt) / 1e9, jvmSeconds,
                firstOrder == null ? "" : String.format("; first demo order completed after %.1f s", firstOrder.toMillis() / 1000.0));
        String url = shop.baseUrl();
        out.println("  Console:  " + url + "/");
        out.println("  Orders:   " + url + "/orders");
        out.println("  Trips:    " + url + "/trips (POST a flight, hotel and car; GET /trips/ID)");
        out.println("  Metrics:  " + url + "/metrics");
        out.println("  Faults:   " + url + "/faults");
        out.println("  Health:   " + url + "/health");
        out.println("  Kafka:    " + shop.infrastructure().kafkaBootstrapServers()
                + "   Temporal: " + shop.infrastructure().temporalTarget());
        List<String> kept = shop.infrastructure().whatSurvivesARestart();
        for (int i = 0; i < kept.size(); i++) {
            out.println((i == 0 ? "  Restart:  " : "            ") + kept.get(i));
        }
        out.println("  Try:      curl -s -X POST " + url + "/orders -H 'Content-Type: application/json' "
                + "-d '{\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":2}]}'");
        if (!once) {
            out.println("Press Ctrl-C to stop.");
        }
    }
}
