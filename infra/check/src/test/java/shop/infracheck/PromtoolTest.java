package shop.infracheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** promtool on every Prometheus file, and its unit tests for every alert. */
class PromtoolTest {
    private final Path promtool = Binaries.require("promtool");
    private final Path prometheusDir = Infra.file("prometheus");

    @Test
    void theConfigIsValidAndFindsTheRuleFiles() {
        Command check = promtool("check", "config", "prometheus.yml");
        assertThat(check.exitCode()).as("promtool check config prometheus.yml:\n" + check.output()).isZero();
        assertThat(check.output()).contains(Rules.files().size() + " rule files found");
    }

    @Test
    void theLinuxConfigsAreValid() {
        Command check = promtool("check", "config", "linux/prometheus.yml", "linux/shop-scraper.yml");
        assertThat(check.exitCode()).as("promtool check config linux/*.yml:\n" + check.output()).isZero();
        assertThat(check.output()).contains(Rules.files().size() + " rule files found");
    }

    @Test
    void everyRuleFileIsValid() {
        List<String> command = new ArrayList<>(List.of("check", "rules"));
        Rules.files().forEach(file -> command.add("rules/" + file.getFileName()));
        Command check = promtool(command.toArray(String[]::new));
        assertThat(check.exitCode()).as("promtool " + String.join(" ", command) + ":\n" + check.output()).isZero();
    }

    @Test
    void theRuleUnitTestsPass() {
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        Rules.testFiles().forEach(file -> command.add("tests/" + file.getFileName()));
        Command test = promtool(command.toArray(String[]::new));
        assertThat(test.exitCode()).as("promtool " + String.join(" ", command) + ":\n" + test.output()).isZero();
    }

    @Test
    void everyAlertHasAUnitTestWhereItFiresAndOneWhereItStaysQuiet() {
        Set<String> fires = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (Path file : Rules.testFiles()) {
            for (JsonNode test : Infra.yaml("prometheus/tests/" + file.getFileName()).path("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    (check.path("exp_alerts").isEmpty() ? quiet : fires).add(check.path("alertname").asText());
                }
            }
        }
        Set<String> alerts = new TreeSet<>();
        Rules.all().stream().filter(Rules.Rule::alert).forEach(rule -> alerts.add(rule.name()));
        assertThat(fires).as("alerts with a test in which they fire").containsAll(alerts);
        assertThat(quiet).as("alerts with a test in which they stay quiet").containsAll(alerts);
    }

    private Command promtool(String... args) {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        return Command.run(prometheusDir, command);
    }
}
