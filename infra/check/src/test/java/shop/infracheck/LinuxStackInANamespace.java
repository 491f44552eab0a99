package shop.infracheck;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import shop.api.ShopServer;
import shop.domain.Domain;
import shop.flow.DirectFlowFactory;
import shop.flow.OrderFlow;
import shop.flow.ShopContext;
import shop.metrics.OrderMetrics;
import shop.observe.Observability;

/**
 * What the Linux stack does, run in a network namespace of its own (LinuxScrapePathTest starts this JVM with
 * {@code unshare --net}), so the stack's own addresses and ports are free: a shop as {@code ./shop run} starts it,
 * on 127.0.0.1:7070; the stack's Prometheus on 127.0.0.1:9090 with exactly infra/prometheus/linux/prometheus.yml;
 * the shop-scraper agent on 127.0.0.1:9091 with exactly infra/prometheus/linux/shop-scraper.yml, sharing the
 * shop's network as host networking does. Prints each step; exits 1 at the first one that fails.
 *
 * <p>Not run here: Docker's own hop from the agent to Prometheus (the port Prometheus publishes on 127.0.0.1:9090
 * goes to a container); here Prometheus listens on 127.0.0.1:9090 itself.
 */
public final class LinuxStackInANamespace {
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String PROMETHEUS = "http://127.0.0.1:9090";

    public static void main(String[] args) throws Exception {
        Path infra = Path.of(args[0]);
        String prometheus = args[1];
        Path work = Path.of(args[2]);
        List<Process> processes = new ArrayList<>();
        ShopServer shop = null;
        OrderFlow flow = null;
        try {
            PrometheusMeterRegistry registry = Observability.newRegistry("shop");
            Domain domain = Domain.demo();
            flow = new DirectFlowFactory().create(new ShopContext(domain, registry, new OrderMetrics(registry), null, null));
            // A tracing SDK that exports nowhere: each request gets a sampled span, so its timers carry exemplars.
            // (Without a span processor the SDK would hand out no-op spans.)
            SdkTracerProvider spans = SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite())).build();
            OpenTelemetrySdk tracing = OpenTelemetrySdk.builder().setTracerProvider(spans)
                    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
            shop = ShopServer.start(domain, registry, List.of(flow), ShopServer.LOOPBACK, ShopServer.DEFAULT_PORT, tracing);
            step("the shop listens on " + shop.baseUrl() + " (as ./shop run does)", true);

            processes.add(start(work, "prometheus", prometheus,
                    "--config.file=" + infra.resolve("prometheus/linux/prometheus.yml"),
                    "--storage.tsdb.path=" + work.resolve("prometheus-data"),
                    "--web.listen-address=127.0.0.1:9090",
                    "--enable-feature=exemplar-storage",
                    "--web.enable-remote-write-receiver"));
            processes.add(start(work, "shop-scraper", prometheus,
                    "--enable-feature=agent,exemplar-storage",
                    "--config.file=" + infra.resolve("prometheus/linux/shop-scraper.yml"),
                    "--storage.agent.path=" + work.resolve("agent-data"),
                    "--web.listen-address=127.0.0.1:9091"));
            await("Prometheus and the agent are ready", Duration.ofSeconds(30),
                    () -> status(PROMETHEUS + "/-/ready") == 200 && status("http://127.0.0.1:9091/-/ready") == 200, work);

            String placed = post("http://localhost:7070/orders",
                    "{\"impl\":\"direct\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}");
            step("curl localhost:7070 still works: POST /orders answered " + placed, placed.startsWith("201"));

            await("up{job=\"shop\",process=\"shop\"} is 1 in the stack's Prometheus", Duration.ofSeconds(60),
                    () -> value("up{job=\"shop\",process=\"shop\",instance=\"127.0.0.1:7070\"}") == 1, work);
            await("the shop's meters reach it through the agent's remote write", Duration.ofSeconds(30),
                    () -> value("sum(shop_orders_placed_total{job=\"shop\",process=\"shop\"})") >= 1, work);
            await("its rules run on them (impl:shop_orders_placed:rate1m)", Duration.ofSeconds(30),
                    () -> !query("/api/v1/query?query=" + enc("impl:shop_orders_placed:rate1m")).path("data")
                            .path("result").isEmpty(), work);
            String openMetrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:7070/metrics"))
                    .header("Accept", "application/openmetrics-text; version=1.0.0").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            step("the shop's OpenMetrics scrape carries exemplars", openMetrics.contains("trace_id"));
            await("exemplars (trace ids) travel with them", Duration.ofSeconds(30), () -> {
                long now = Instant.now().getEpochSecond();
                JsonNode data = query("/api/v1/query_exemplars?query=" + enc("http_server_requests_seconds_bucket")
                        + "&start=" + (now - 600) + "&end=" + (now + 60)).path("data");
                return data.toString().contains("trace_id");
            }, work);
            System.out.println("PASSED");
        } catch (StepFailed e) {
            System.out.println("FAILED: " + e.getMessage());
            System.exit(1);
        } finally {
            processes.forEach(Process::destroy);
            for (Process process : processes) {
                process.waitFor();
            }
            if (shop != null) {
                shop.close();
            }
            if (flow != null) {
                flow.close();
            }
        }
        System.exit(0);
    }

    private static final class StepFailed extends Exception {
        StepFailed(String message) {
            super(message);
        }
    }

    private static void step(String what, boolean ok) throws StepFailed {
        System.out.println((ok ? "ok    " : "FAIL  ") + what);
        if (!ok) {
            throw new StepFailed(what);
        }
    }

    private static void await(String what, Duration patience, BooleanSupplier condition, Path work)
            throws StepFailed, InterruptedException, IOException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                step(what, true);
                return;
            }
            Thread.sleep(500);
        }
        for (String log : List.of("prometheus.log", "shop-scraper.log")) {
            List<String> lines = Files.readAllLines(work.resolve(log));
            System.out.println("--- last lines of " + log);
            lines.subList(Math.max(0, lines.size() - 10), lines.size()).forEach(System.out::println);
        }
        step(what + " (not within " + patience.toSeconds() + " s)", false);
    }

    private static Process start(Path work, String name, String binary, String... flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary));
        command.addAll(List.of(flags));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile()).start();
    }

    private static double value(String expr) {
        JsonNode result = query("/api/v1/query?query=" + enc(expr)).path("data").path("result");
        return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    private static JsonNode query(String pathAndQuery) {
        try {
            return Infra.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(PROMETHEUS + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return Infra.JSON.missingNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Infra.JSON.missingNode();
        }
    }

    private static int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String post(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
