package shop.infracheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The Prometheus rule files (infra/prometheus/rules/*.yml) and their unit tests. */
final class Rules {
    private Rules() {}

    record Rule(String file, String name, boolean alert, String expr) {
        DashboardQuery asQuery() {
            return new DashboardQuery(file + " / " + (alert ? "alert " : "record ") + name, expr, false);
        }
    }

    static List<Path> files() {
        return Infra.files("prometheus/rules", ".yml");
    }

    static List<Path> testFiles() {
        return Infra.files("prometheus/tests", ".test.yml");
    }

    static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        for (Path file : files()) {
            JsonNode root = Infra.yaml("prometheus/rules/" + file.getFileName());
            for (JsonNode group : root.path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    boolean alert = rule.has("alert");
                    rules.add(new Rule(file.getFileName().toString(),
                            rule.path(alert ? "alert" : "record").asText(), alert, rule.path("expr").asText()));
                }
            }
        }
        return rules;
    }
}
