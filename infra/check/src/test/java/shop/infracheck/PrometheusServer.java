package shop.infracheck;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import shop.infra.Ports;

/**
 * The real prometheus binary on a free loopback port, running the repo's own prometheus.yml and rules,
 * adapted to scrape one shop every second.
 */
final class PrometheusServer implements AutoCloseable {
    private static final HttpClient http = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    private final String baseUrl;

    /** An answer of the HTTP API: status "success" with data, or "error" with the error text. */
    record Answer(boolean success, String error, JsonNode data) {
        int resultCount() {
            return data == null ? 0 : data.path("result").size();
        }
    }

    private PrometheusServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    static PrometheusServer scraping(String shopHostPort, Path workDir) throws IOException {
        Path binary = Binaries.require("prometheus");
        int port = Ports.pickFree();
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, Infra.YAML.writeValueAsString(adaptedConfig(shopHostPort, "127.0.0.1:" + port)));
        Path log = workDir.resolve("prometheus.log");
        Process process = new ProcessBuilder(List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--enable-feature=exemplar-storage",
                "--log.level=warn"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, log, port);
        await("prometheus to be ready on " + server.baseUrl).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("prometheus exited: " + server.log());
                    }
                    return server.ready();
                });
        return server;
    }

    /**
     * infra/prometheus/prometheus.yml with a 1 s scrape and evaluation interval, the shop job pointed at the
     * test's shop, Prometheus scraping itself, the other jobs (containers that do not run here) left out,
     * and the rule files by absolute path.
     */
    static JsonNode adaptedConfig(String shopHostPort, String selfHostPort) {
        ObjectNode config = (ObjectNode) Infra.yaml("prometheus/prometheus.yml");
        ObjectNode global = (ObjectNode) config.path("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        ArrayNode rules = config.putArray("rule_files");
        Rules.files().forEach(file -> rules.add(file.toString()));
        ArrayNode jobs = config.putArray("scrape_configs");
        for (JsonNode job : Infra.yaml("prometheus/prometheus.yml").path("scrape_configs")) {
            String name = job.path("job_name").asText();
            if (name.equals("shop") || name.equals("prometheus")) {
                ObjectNode adapted = job.deepCopy();
                ObjectNode first = (ObjectNode) adapted.path("static_configs").get(0).deepCopy();
                first.putArray("targets").add(name.equals("shop") ? shopHostPort : selfHostPort);
                adapted.putArray("static_configs").add(first);
                jobs.add(adapted);
            }
        }
        return config;
    }

    Answer query(String expr) {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    /** The instant query as it would have answered at that time. */
    Answer query(String expr, java.time.Instant at) {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&time=" + at.toEpochMilli() / 1000.0);
    }

    /** The range query as a Grafana panel sends it for that time range, one point per step. */
    Answer queryRange(String expr, java.time.Instant start, java.time.Instant end, Duration step) {
        return get("/api/v1/query_range?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&start=" + start.toEpochMilli() / 1000.0 + "&end=" + end.toEpochMilli() / 1000.0
                + "&step=" + step.toMillis() / 1000.0);
    }

    Answer labelValues(String label, String match) {
        return get("/api/v1/label/" + label + "/values?match[]=" + URLEncoder.encode(match, StandardCharsets.UTF_8));
    }

    Answer rules() {
        return get("/api/v1/rules");
    }

    /** The sum of an instant query's values, 0 when it returns nothing. */
    double sum(String expr) {
        Answer answer = query(expr);
        if (!answer.success()) {
            throw new AssertionError(expr + ": " + answer.error());
        }
        double total = 0;
        for (JsonNode sample : answer.data().path("result")) {
            total += Double.parseDouble(sample.path("value").get(1).asText());
        }
        return total;
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Answer get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Infra.JSON.readTree(response.body());
            boolean success = "success".equals(body.path("status").asText());
            return new Answer(success, body.path("error").asText(null), body.path("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String log() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
