package shop.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import shop.json.Json;

/** Asks the stack's web UIs whether they answer, and Prometheus whether it scrapes the shop; says why not. */
final class StackProbe {
    static final String PROMETHEUS = "http://127.0.0.1:9090";
    static final String AGENT = "http://127.0.0.1:9091";
    static final String SHOP = "http://127.0.0.1:7070";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Map<String, String> uis(boolean hostNetwork) {
        Map<String, String> uis = new LinkedHashMap<>();
        uis.put("Grafana", "http://127.0.0.1:3000/api/health");
        uis.put("Prometheus", PROMETHEUS + "/-/ready");
        if (hostNetwork) {
            uis.put("the shop's scraper (Prometheus agent)", AGENT + "/-/ready");
        }
        uis.put("Tempo", "http://127.0.0.1:3200/ready");
        uis.put("Temporal UI", "http://127.0.0.1:8233/");
        uis.put("Kafka UI", "http://127.0.0.1:8080/");
        return uis;
    }

    /** Polls until the URL answers below 500, or the patience runs out. */
    boolean answers(String url, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        do {
            int status = status(url);
            if (status > 0 && status < 500) {
                return true;
            }
            Thread.sleep(1_000);
        } while (Instant.now().isBefore(deadline));
        return false;
    }

    /** A scrape target of job "shop" as Prometheus (or the agent) last saw it. */
    record Target(String health, String lastError) {}

    static final String NOT_RUNNING = "the shop isn't running";

    /** up{job="shop",process="shop"} is 1 within the patience: null; otherwise the reason. */
    String shopScraped(boolean hostNetwork, Duration patience) throws InterruptedException {
        if (status(SHOP + "/health") != 200) {
            return explain(false, null, hostNetwork);
        }
        Instant deadline = Instant.now().plus(patience);
        do {
            if (upIsOne()) {
                return null;
            }
            Thread.sleep(1_000);
        } while (Instant.now().isBefore(deadline));
        return explain(status(SHOP + "/health") == 200, target(hostNetwork ? AGENT : PROMETHEUS), hostNetwork);
    }

    /** Why Prometheus has no up{job="shop",process="shop"} == 1, from what can be seen on this machine. */
    static String explain(boolean shopAnswers, Target target, boolean hostNetwork) {
        String scraper = hostNetwork ? "the shop-scraper container (127.0.0.1:9091)" : "Prometheus (host.docker.internal:7070)";
        if (!shopAnswers) {
            return NOT_RUNNING + ": nothing answers at " + SHOP + "/health. Start it against the stack:"
                    + " KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 TEMPORAL_ADDRESS=127.0.0.1:7233"
                    + " OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317 ./shop run; then ./shop stack status";
        }
        if (target == null) {
            return hostNetwork
                    ? "the shop answers, but the shop-scraper container doesn't (" + AGENT + "): see `docker compose logs shop-scraper` in infra/"
                    : "the shop answers, but Prometheus has no shop target yet: see `docker compose logs prometheus` in infra/";
        }
        String error = target.lastError() == null ? "" : target.lastError();
        if (error.isBlank() && "up".equals(target.health()) && hostNetwork) {
            return "the shop-scraper container scrapes the shop, but its samples do not reach Prometheus at"
                    + " 127.0.0.1:9090: see `docker compose logs shop-scraper` in infra/";
        }
        if (error.isBlank()) {
            return "the shop answers and " + scraper + " has its target (" + target.health() + "), but no sample"
                    + " reached Prometheus yet: wait a few seconds and run ./shop stack status";
        }
        if (error.contains("no such host") || error.contains("lookup")) {
            return "the container can't resolve the shop's host (" + error + "): on a Linux engine without Docker Desktop,"
                    + " start the stack with ./shop stack up, which adds docker-compose.linux.yml";
        }
        if (error.contains("refused")) {
            return hostNetwork
                    ? "the shop answers here but not in the scraper's network (" + error + "): rootless Docker and Podman"
                    + " give host networking a network of their own; run the shop with --host 0.0.0.0 only on a trusted"
                    + " network, or use rootful Docker"
                    : "the container reaches this machine but nothing listens there on 7070 (" + error + "): does the"
                    + " shop run with --port 7070?";
        }
        if (error.contains("timeout") || error.contains("deadline") || error.contains("no route")) {
            return "the container can't reach the shop (" + error + "): a firewall (ufw, firewalld) may drop traffic"
                    + " from containers to this machine";
        }
        return scraper + " can't scrape the shop: " + error;
    }

    private boolean upIsOne() {
        JsonNode result = get(PROMETHEUS + "/api/v1/query?query="
                + URLEncoder.encode("up{job=\"shop\",process=\"shop\"}", StandardCharsets.UTF_8)).path("data").path("result");
        for (JsonNode sample : result) {
            if ("1".equals(sample.path("value").path(1).asText())) {
                return true;
            }
        }
        return false;
    }

    private Target target(String prometheus) {
        JsonNode targets = get(prometheus + "/api/v1/targets?state=active").path("data").path("activeTargets");
        if (!targets.isArray()) {
            return null;
        }
        List<Target> shop = new ArrayList<>();
        for (JsonNode target : targets) {
            if ("shop".equals(target.path("labels").path("job").asText())
                    && "shop".equals(target.path("labels").path("process").asText())) {
                shop.add(new Target(target.path("health").asText(), target.path("lastError").asText("")));
            }
        }
        return shop.isEmpty() ? null : shop.get(0);
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            return Json.mapper().missingNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Json.mapper().missingNode();
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
