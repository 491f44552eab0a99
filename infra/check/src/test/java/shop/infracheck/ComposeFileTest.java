package shop.infracheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** infra/docker-compose.yml, checked without Docker: what `docker compose up` would start, and how. */
class ComposeFileTest {
    /** Images whose container has no shell or HTTP client to probe itself with, and why that is fine. */
    private static final Map<String, String> NO_HEALTHCHECK = Map.of(
            "tempo", "the image is distroless; Prometheus scrapes it (up{job=\"tempo\"})");
    /** name:tag where the tag starts with a digit or v+digit: no "latest", no floating "main". */
    private static final Pattern PINNED = Pattern.compile("[a-z0-9./_-]+:v?\\d[\\w.-]*");

    private final JsonNode compose = Infra.yaml("docker-compose.yml");
    private final Map<String, JsonNode> services = services();

    @Test
    void theStackHasEveryPart() {
        assertThat(services.keySet())
                .containsExactlyInAnyOrder("kafka", "kafka-ui", "temporal", "prometheus", "tempo", "grafana");
        assertThat(services.get("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(text(services.get("temporal").path("command")))
                .as("the Temporal dev server, listening beyond the container's loopback")
                .contains("server start-dev").contains("--ip 0.0.0.0").contains("--ui-port 8233");
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        List<String> unpinned = new ArrayList<>();
        services.forEach((name, service) -> {
            if (!PINNED.matcher(service.path("image").asText()).matches()) {
                unpinned.add(name + ": " + service.path("image").asText());
            }
        });
        assertThat(unpinned).isEmpty();
    }

    @Test
    void everyPortIsPublishedOnLoopbackOnly() {
        List<String> open = new ArrayList<>();
        services.forEach((name, service) -> service.path("ports").forEach(port -> {
            if (!port.isTextual() || !port.asText().startsWith("127.0.0.1:")) {
                open.add(name + ": " + port);
            }
        }));
        assertThat(open).isEmpty();
    }

    @Test
    void theDefaultPortsAreTheOnesTheReadmeNames() {
        Set<String> published = new TreeSet<>();
        services.values().forEach(s -> s.path("ports").forEach(p -> published.add(p.asText().split(":")[1])));
        assertThat(published).contains("9092", "7233", "8233", "8080", "9090", "3000", "3200", "4317");
    }

    @Test
    void everyServiceHasAHealthcheckUnlessItsImageCannotRunOne() {
        List<String> missing = new ArrayList<>();
        services.forEach((name, service) -> {
            if (!service.has("healthcheck") && !NO_HEALTHCHECK.containsKey(name)) {
                missing.add(name);
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void containersThatTalkToTheShopCanReachTheHost() {
        for (String name : List.of("prometheus", "grafana")) {
            assertThat(text(services.get(name).path("extra_hosts")))
                    .as(name + " extra_hosts").contains("host.docker.internal:host-gateway");
        }
    }

    @Test
    void everyFileMountedFromTheRepoExists() {
        List<String> missing = new ArrayList<>();
        services.forEach((name, service) -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith("./") && !Files.exists(Infra.file(source))) {
                missing.add(name + ": " + source);
            }
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void prometheusKeepsExemplarsAndAcceptsOtlpAndRemoteWrite() {
        assertThat(text(services.get("prometheus").path("command")))
                .contains("--enable-feature=exemplar-storage")
                .contains("--web.enable-otlp-receiver")
                .contains("--web.enable-remote-write-receiver");
    }

    @Test
    void prometheusScrapesTheShopOnTheHostAndOnlyServicesThatExist() {
        List<String> targets = new ArrayList<>();
        Infra.yaml("prometheus/prometheus.yml").path("scrape_configs").forEach(job ->
                job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText()))));
        assertThat(targets).contains("host.docker.internal:7070", "host.docker.internal:7071",
                "host.docker.internal:7072", "temporal:8000", "localhost:9090");
        List<String> unknown = targets.stream().map(t -> t.split(":")[0])
                .filter(host -> !host.equals("host.docker.internal") && !host.equals("localhost"))
                .filter(host -> !services.containsKey(host)).toList();
        assertThat(unknown).as("scrape targets that are no compose service").isEmpty();
        assertThat(text(services.get("temporal").path("command"))).as("the port Prometheus scrapes")
                .contains("--metrics-port 8000");
    }

    @Test
    void grafanaIsOpenToViewersAndTakesItsAdminPasswordFromTheEnvironment() {
        JsonNode env = services.get("grafana").path("environment");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("true");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ORG_ROLE").asText()).isEqualTo("Viewer");
        assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD").asText())
                .as("no committed default: ${VAR:?message} makes compose refuse to start without it")
                .matches("\\$\\{GRAFANA_ADMIN_PASSWORD:\\?[^}]+}");
    }

    @Test
    void grafanaProvisioningPointsAtMountedFolders() {
        Map<String, String> mounts = new LinkedHashMap<>();
        services.get("grafana").path("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            mounts.put(parts[1], parts[0]);
        });
        assertThat(mounts).containsEntry("/etc/grafana/provisioning", "./grafana/provisioning");
        String dashboardsPath = Infra.yaml("grafana/provisioning/dashboards/dashboards.yml")
                .path("providers").get(0).path("options").path("path").asText();
        assertThat(mounts).as("the dashboards provider's path is mounted").containsKey(dashboardsPath);
        assertThat(Files.isDirectory(Infra.file(mounts.get(dashboardsPath)))).isTrue();
        String home = services.get("grafana").path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText();
        assertThat(home).startsWith(dashboardsPath + "/");
        assertThat(Files.exists(Infra.file(mounts.get(dashboardsPath) + home.substring(dashboardsPath.length()))))
                .as("home dashboard " + home).isTrue();
    }

    @Test
    void datasourcesHaveFixedUidsAndLinkExemplarsToTempo() {
        Map<String, JsonNode> byUid = new LinkedHashMap<>();
        Infra.yaml("grafana/provisioning/datasources/datasources.yml").path("datasources")
                .forEach(ds -> byUid.put(ds.path("uid").asText(), ds));
        assertThat(byUid).containsOnlyKeys("prometheus", "tempo");
        assertThat(byUid.get("prometheus").path("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(byUid.get("tempo").path("url").asText()).isEqualTo("http://tempo:3200");
        JsonNode exemplars = byUid.get("prometheus").path("jsonData").path("exemplarTraceIdDestinations").get(0);
        assertThat(exemplars.path("name").asText()).as("Micrometer's exemplar label").isEqualTo("trace_id");
        assertThat(exemplars.path("datasourceUid").asText()).isEqualTo("tempo");
        assertThat(byUid.get("tempo").path("jsonData").path("serviceMap").path("datasourceUid").asText())
                .isEqualTo("prometheus");
        assertThat(byUid.get("tempo").path("jsonData").path("nodeGraph").path("enabled").asBoolean()).isTrue();
    }

    private Map<String, JsonNode> services() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    /** A command or list as one string, whichever form the compose file uses. */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(part -> parts.add(part.asText()));
            return String.join(" ", parts);
        }
        return node.asText();
    }
}
