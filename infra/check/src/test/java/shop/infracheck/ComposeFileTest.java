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

/**
 * infra/docker-compose.yml and its Linux override, checked without Docker: what `docker compose up` would start,
 * and how.
 */
class ComposeFileTest {
    /** name:tag where the tag starts with a digit or v+digit: no "latest", no floating "main". */
    private static final Pattern PINNED = Pattern.compile("[a-z0-9./_-]+:v?\\d[\\w.-]*");

    private final Map<String, JsonNode> services = services("docker-compose.yml");
    private final Map<String, JsonNode> linux = services("docker-compose.linux.yml");

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
        both().forEach((name, service) -> {
            if (!service.has("image")) {
                return; // an override of a service the base file pins
            }
            if (!PINNED.matcher(service.path("image").asText()).matches()) {
                unpinned.add(name + ": " + service.path("image").asText());
            }
        });
        assertThat(unpinned).isEmpty();
    }

    @Test
    void everyPortIsPublishedOnLoopbackOnly() {
        List<String> open = new ArrayList<>();
        both().forEach((name, service) -> service.path("ports").forEach(port -> {
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
            if (!service.has("healthcheck")) {
                missing.add(name);
            }
        });
        linux.forEach((name, service) -> {
            if (!services.containsKey(name) && !service.has("healthcheck")) {
                missing.add("linux: " + name);
            }
        });
        assertThat(missing).isEmpty();
        assertThat(text(services.get("tempo").path("healthcheck").path("test")))
                .as("Tempo's image has no wget on the PATH, but its busybox has one")
                .startsWith("CMD /busybox/wget").contains("localhost:3200/ready");
    }

    @Test
    void containersThatTalkToTheShopCanReachTheHost() {
        for (String name : List.of("prometheus", "grafana")) {
            assertThat(text(services.get(name).path("extra_hosts")))
                    .as(name + " extra_hosts").contains("host.docker.internal:host-gateway");
        }
    }

    @Test
    void everyFileMountedFromTheRepoExistsAndIsLabelledForSelinux() {
        List<String> missing = new ArrayList<>();
        List<String> unlabelled = new ArrayList<>();
        both().forEach((name, service) -> service.path("volumes").forEach(volume -> {
            String[] parts = volume.asText().split(":");
            if (parts[0].startsWith("./") && !Files.exists(Infra.file(parts[0]))) {
                missing.add(name + ": " + parts[0]);
            }
            boolean bindMount = parts[0].startsWith("./") || parts[0].startsWith("/");
            if (bindMount && (parts.length < 3 || !List.of(parts[2].split(",")).contains("z"))) {
                unlabelled.add(name + ": " + volume.asText());
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(unlabelled).as("bind mounts without :z (SELinux hosts would deny the container)").isEmpty();
    }

    /** ./shop stack down, then up: the topics, offsets, workflows and their histories are still there. */
    @Test
    void kafkaAndTemporalKeepTheirDataOnNamedVolumes() {
        JsonNode declared = Infra.yaml("docker-compose.yml").path("volumes");
        JsonNode kafka = services.get("kafka");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText();
        assertThat(strings(kafka.path("volumes"))).as("Kafka's log dirs on a named volume").contains("kafka-data:" + logDirs);
        assertThat(logDirs).as("a directory the image's user owns (apache/kafka's Dockerfile)").isEqualTo("/var/lib/kafka/data");
        assertThat(kafka.path("environment").path("CLUSTER_ID").asText())
                .as("one cluster id on every start, so the formatted volume is reused").hasSize(22);

        JsonNode temporal = services.get("temporal");
        assertThat(strings(temporal.path("volumes"))).contains("temporal-data:/home/temporal");
        assertThat(text(temporal.path("command"))).as("the dev server's SQLite file on that volume")
                .contains("--db-filename /home/temporal/");

        assertThat(declared.has("kafka-data") && declared.has("temporal-data"))
                .as("top-level volumes: " + declared).isTrue();
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
    void grafanaIsOpenToViewersWithExploreAndTakesItsAdminPasswordFromTheEnvironment() {
        JsonNode env = services.get("grafana").path("environment");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("true");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ORG_ROLE").asText()).isEqualTo("Viewer");
        assertThat(env.path("GF_USERS_VIEWERS_CAN_EDIT").asText()).as("Viewers may open Explore").isEqualTo("true");
        assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD").asText()).isEqualTo("${GRAFANA_ADMIN_PASSWORD:-}");
    }

    @Test
    void plainComposeCommandsNeedNoVariableFromTheShell() throws Exception {
        for (String file : List.of("docker-compose.yml", "docker-compose.linux.yml")) {
            assertThat(Files.readString(Infra.file(file)))
                    .as(file + ": ${VAR:?} or ${VAR?} makes down, ps and logs fail in a shell without VAR")
                    .doesNotContainPattern("\\$\\{\\w+:?\\?");
        }
    }

    @Test
    void grafanaRefusesToStartWithoutAnAdminPasswordAndOtherwiseRunsItsOwnEntrypoint() {
        JsonNode entrypoint = services.get("grafana").path("entrypoint");
        assertThat(entrypoint.get(0).asText()).isEqualTo("/bin/sh");
        // What the container runs: compose turns $$ into $.
        String script = entrypoint.get(2).asText().replace("$$", "$");

        Command without = Command.run(Infra.dir(), List.of("env", "GF_SECURITY_ADMIN_PASSWORD=", "/bin/sh", "-c", script));
        assertThat(without.exitCode()).as(without.output()).isEqualTo(1);
        assertThat(without.output()).contains("GRAFANA_ADMIN_PASSWORD is not set").contains("./shop stack up");

        Command with = Command.run(Infra.dir(), List.of("env", "GF_SECURITY_ADMIN_PASSWORD=secret", "/bin/sh", "-c", script));
        assertThat(with.output()).as("with a password it hands over to the image's own entrypoint")
                .doesNotContain("is not set").contains("/run.sh");
    }

    @Test
    void onLinuxAnAgentOnTheHostNetworkScrapesTheShopOnLoopbackAndWritesIntoTheStacksPrometheus() {
        JsonNode scraper = linux.get("shop-scraper");
        assertThat(scraper.path("image").asText()).isEqualTo(services.get("prometheus").path("image").asText());
        assertThat(scraper.path("network_mode").asText()).isEqualTo("host");
        assertThat(scraper.has("ports")).as("host networking publishes nothing").isFalse();
        assertThat(text(scraper.path("command"))).contains("--agent")
                .contains("--config.file=/etc/prometheus/linux/shop-scraper.yml")
                .contains("--web.listen-address=127.0.0.1:9091");
        JsonNode agent = Infra.yaml("prometheus/linux/shop-scraper.yml");
        assertThat(agent.path("remote_write").get(0).path("url").asText()).isEqualTo("http://127.0.0.1:9090/api/v1/write");
        assertThat(agent.path("remote_write").get(0).path("send_exemplars").asBoolean()).isTrue();
        assertThat(services.get("prometheus").path("ports").get(0).asText()).isEqualTo("127.0.0.1:9090:9090");
    }

    @Test
    void onLinuxPrometheusRunsWithTheSameFlagsAndTheConfigWithoutTheShopJob() {
        List<String> base = strings(services.get("prometheus").path("command"));
        List<String> override = strings(linux.get("prometheus").path("command"));
        assertThat(override).containsExactlyElementsOf(base.stream()
                .map(flag -> flag.startsWith("--config.file=") ? "--config.file=/etc/prometheus/linux/prometheus.yml" : flag)
                .toList());
    }

    @Test
    void theLinuxConfigsAreTheBaseConfigSplitInTwo() {
        JsonNode base = Infra.yaml("prometheus/prometheus.yml");
        JsonNode server = Infra.yaml("prometheus/linux/prometheus.yml");
        JsonNode agent = Infra.yaml("prometheus/linux/shop-scraper.yml");
        assertThat(server.path("global")).isEqualTo(base.path("global"));
        assertThat(server.path("rule_files").get(0).asText()).isEqualTo("../" + base.path("rule_files").get(0).asText());
        List<JsonNode> baseJobs = new ArrayList<>();
        base.path("scrape_configs").forEach(baseJobs::add);
        JsonNode shopJob = baseJobs.stream().filter(j -> j.path("job_name").asText().equals("shop")).findFirst().orElseThrow();
        List<JsonNode> others = baseJobs.stream().filter(j -> j != shopJob).toList();
        List<JsonNode> serverJobs = new ArrayList<>();
        server.path("scrape_configs").forEach(serverJobs::add);
        assertThat(serverJobs).as("linux/prometheus.yml: every job of prometheus.yml but the shop's").isEqualTo(others);
        assertThat(agent.path("scrape_configs")).hasSize(1);
        assertThat(agent.path("scrape_configs").get(0).toString())
                .as("the agent's shop job: prometheus.yml's, at 127.0.0.1 instead of host.docker.internal")
                .isEqualTo(shopJob.toString().replace("host.docker.internal:", "127.0.0.1:"));
        assertThat(agent.path("global").path("scrape_interval")).isEqualTo(base.path("global").path("scrape_interval"));
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

    private static Map<String, JsonNode> services(String file) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        Infra.yaml(file).path("services").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    /** The services of both files, the Linux override's prefixed with "linux: ". */
    private Map<String, JsonNode> both() {
        Map<String, JsonNode> all = new LinkedHashMap<>(services);
        linux.forEach((name, service) -> all.put("linux: " + name, service));
        return all;
    }

    private static List<String> strings(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(part -> parts.add(part.asText()));
        return parts;
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
