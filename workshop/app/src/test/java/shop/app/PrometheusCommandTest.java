package shop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.infra.Ports;

/** ./shop prometheus: the repo's rules and a loopback target, for a prometheus binary that is already installed. */
class PrometheusCommandTest {
    private final Path infra = StackCommand.infra();

    @Test
    void theConfigScrapesTheShopOnLoopbackWithTheStacksLabelsAndLoadsTheRepoRules() throws Exception {
        String config = PrometheusCommand.config(infra, 9090, 17070);

        assertThat(config).contains("job_name: shop")
                .contains("targets: [\"127.0.0.1:17070\"]\n        labels: {process: shop}")
                .contains("targets: [\"127.0.0.1:17071\"]\n        labels: {process: choreography}")
                .contains("targets: [\"127.0.0.1:17072\"]\n        labels: {process: temporal-worker}")
                .doesNotContain("remote_write")
                .doesNotContain("host.docker.internal").doesNotContain("temporal:8000");
        assertThat(config).contains(infra.resolve("prometheus/rules").toAbsolutePath().toString()
                .replace(File.separatorChar, '/') + "/*.yml");
    }

    @Test
    void itUsesOnlyFlagsThatPrometheusTwoAndThreeBothKnowAndListensOnLoopback() {
        String command = String.join(" ", PrometheusCommand.command("prometheus", Path.of("c.yml"), Path.of("data"), 9090));

        assertThat(command).contains("--web.listen-address=127.0.0.1:9090").contains("--enable-feature=exemplar-storage")
                .doesNotContain("--web.enable-otlp-receiver").doesNotContain("--agent");
    }

    @Test
    void withoutTheBinaryTheErrorIsOneLine(@TempDir Path work) {
        Cli cli = new Cli();

        int exit = cli.run("prometheus", "--binary", "no-such-prometheus-here", "--data", work.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString().strip()).doesNotContain("\n")
                .startsWith("error: no-such-prometheus-here is not installed").contains("./shop stack up");
    }

    @Test
    void anInstalledPrometheusRunsTheRepoRulesAndScrapesTheLoopbackTarget(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(onPath("prometheus"), "prometheus is not on the PATH (apt-get install -y prometheus)");
        int port = Ports.pickFree();
        int shopPort = Ports.pickFree();
        Process prometheus = PrometheusCommand.start(infra, work, "prometheus", port, shopPort);
        try {
            HttpClient http = HttpClient.newHttpClient();
            await("prometheus to be ready").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> get(http, port, "/-/ready").contains("Ready"));
            long ruleFiles;
            try (Stream<Path> files = Files.list(infra.resolve("prometheus/rules"))) {
                ruleFiles = files.filter(file -> file.toString().endsWith(".yml")).count();
            }
            String rules = get(http, port, "/api/v1/rules");
            for (String file : new String[] {"shop.rules.yml", "shop-slo.rules.yml", "kafka.rules.yml", "temporal.rules.yml"}) {
                assertThat(rules).contains(file);
            }
            assertThat(ruleFiles).isEqualTo(4);
            await("the shop on loopback to be a target").atMost(Duration.ofSeconds(30))
                    .until(() -> get(http, port, "/api/v1/targets").contains("\"127.0.0.1:" + shopPort + "\""));
            assertThat(get(http, port, "/api/v1/targets")).contains("\"process\":\"shop\"");
        } finally {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    }
}
