package shop.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

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
                "and check that each web UI answers."})
final class PreflightCommand implements Callable<Integer> {
    private static final Map<Integer, String> SHOP_PORTS = new java.util.TreeMap<>(
            Map.of(7070, "shop HTTP API", 9092, "Kafka", 7233, "Temporal"));
    private static final List<List<String>> UIS = List.of(
            List.of("Grafana", "http://127.0.0.1:3000/api/health"),
            List.of("Prometheus", "http://127.0.0.1:9090/-/ready"),
            List.of("Temporal UI", "http://127.0.0.1:8233/"),
            List.of("Kafka UI", "http://127.0.0.1:8080/"),
            List.of("Tempo", "http://127.0.0.1:3200/ready"));

    @Spec
    CommandSpec spec;

    @Option(names = "--docker", description = "also run `docker compose up -d` in infra/ and check every UI")
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

    private void dockerStack() throws IOException, InterruptedException {
        Path compose = Path.of("infra", "docker-compose.yml");
        if (!Files.exists(compose)) {
            check("infra/docker-compose.yml exists (run preflight from the repository root)", false);
            return;
        }
        boolean engine = exec(Duration.ofSeconds(30), "docker", "info");
        check("a Docker engine answers (docker info)", engine);
        if (!engine) {
            return;
        }
        check("docker compose up -d", exec(Duration.ofMinutes(10), "docker", "compose", "-f", compose.toString(), "up", "-d"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (List<String> ui : UIS) {
            check(ui.get(0) + " answers at " + ui.get(1), answers(http, ui.get(1), Duration.ofMinutes(2)));
        }
    }

    private static boolean answers(HttpClient http, String url, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 500) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(2_000);
        }
        return false;
    }

    private static boolean exec(Duration timeout, String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private void check(String what, boolean ok) {
        out.println((ok ? "  ok    " : "  FAIL  ") + what);
        if (!ok) {
            failures++;
        }
    }
}
