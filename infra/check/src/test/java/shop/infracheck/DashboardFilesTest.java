package shop.infracheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The dashboards as Grafana will load them: valid, uniquely named, wired to the provisioned datasources. */
class DashboardFilesTest {
    private static final Pattern RANGE = Pattern.compile("\\[([^\\]]+)\\]");
    private final Map<String, JsonNode> dashboards = Dashboards.all();

    @Test
    void theDashboardsAreThere() {
        List<String> titles = dashboards.values().stream().map(d -> d.path("title").asText()).toList();
        assertThat(titles).containsExactlyInAnyOrder("Order flow: choreography vs orchestration",
                "Choreography vs orchestration, side by side", "The four questions", "Kafka", "Temporal", "HTTP and JVM");
    }

    @Test
    void everyDashboardHasItsOwnUid() {
        List<String> uids = dashboards.values().stream().map(d -> d.path("uid").asText()).toList();
        assertThat(uids).doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void everyPanelAndQueryUsesAProvisionedDatasource() {
        Set<String> provisioned = new HashSet<>();
        Infra.yaml("grafana/provisioning/datasources/datasources.yml").path("datasources")
                .forEach(ds -> provisioned.add(ds.path("uid").asText()));
        List<String> problems = new ArrayList<>();
        dashboards.forEach((file, dashboard) -> {
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                String where = file + " / " + panel.path("title").asText();
                check(where, panel.path("datasource"), provisioned, problems);
                panel.path("targets").forEach(target -> check(where, target.path("datasource"), provisioned, problems));
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPanelHasAQueryAndSaysWhatItShows() {
        List<String> problems = new ArrayList<>();
        dashboards.forEach((file, dashboard) -> {
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                String where = file + " / " + panel.path("title").asText();
                if (panel.path("targets").isEmpty()) {
                    problems.add(where + ": no query");
                }
                if (panel.path("description").asText().isBlank()) {
                    problems.add(where + ": no description");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void rangesUseRateIntervalSoPanelsWorkAtAnyZoom() {
        List<String> problems = new ArrayList<>();
        for (DashboardQuery query : Dashboards.queries()) {
            Matcher range = RANGE.matcher(query.expr());
            while (range.find()) {
                if (!range.group(1).equals("$__rate_interval")) {
                    problems.add(query.where() + ": [" + range.group(1) + "] instead of [$__rate_interval]");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void latencyPanelsShowExemplarsSoASlowPointOpensItsTrace() {
        List<String> withoutExemplars = Dashboards.queries().stream()
                .filter(q -> q.expr().contains("shop_order_duration_seconds_bucket")
                        || q.expr().contains("http_server_requests_seconds_bucket"))
                .filter(q -> !q.exemplar() && !q.refId().equals(DashboardQuery.SCALE))
                .map(DashboardQuery::where)
                .toList();
        assertThat(withoutExemplars).isEmpty();
    }

    @Test
    void tempoQueriesAreTraceqlSearchesOrTheServiceMap() {
        List<String> problems = new ArrayList<>();
        dashboards.forEach((file, dashboard) -> {
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    if (!Dashboards.datasourceUid(panel, target).equals("tempo")) {
                        continue;
                    }
                    String where = file + " / " + panel.path("title").asText();
                    String type = target.path("queryType").asText();
                    String query = target.path("query").asText();
                    if (type.equals("serviceMap") ? !panel.path("type").asText().equals("nodeGraph")
                            : !type.equals("traceql") || !query.startsWith("{") || !query.endsWith("}")
                            || query.chars().filter(c -> c == '"').count() % 2 != 0) {
                        problems.add(where + ": " + type + " " + query);
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void sideBySideRepeatsEachPanelForBothStylesOnOneYAxis() {
        JsonNode dashboard = dashboards.get("side-by-side.json");
        assertThat(DashboardQuery.customVariables(dashboard))
                .containsExactly(java.util.Map.entry("style", List.of("choreography", "orchestration")));
        List<String> problems = new ArrayList<>();
        int repeated = 0;
        for (JsonNode panel : Dashboards.panels(dashboard)) {
            String title = panel.path("title").asText();
            if (!panel.has("repeat")) {
                if (!panel.path("gridPos").path("w").asText().equals("12")) {
                    problems.add(title + ": a column is 12 wide");
                }
                continue;
            }
            repeated++;
            if (!panel.path("repeat").asText().equals("style") || !panel.path("repeatDirection").asText().equals("h")
                    || panel.path("maxPerRow").asInt() != 2 || panel.path("gridPos").path("w").asInt() != 12
                    || !title.startsWith("$style: ")) {
                problems.add(title + ": repeat style horizontally, 2 per row, 12 wide, titled \"$style: ...\"");
            }
            List<String> scale = new ArrayList<>();
            panel.path("targets").forEach(t -> {
                if (t.path("refId").asText().equals(DashboardQuery.SCALE)) {
                    scale.add(t.path("expr").asText());
                } else if (!t.path("expr").asText().contains("impl=\"$style\"")) {
                    problems.add(title + " / " + t.path("refId").asText() + ": not filtered by impl=\"$style\"");
                }
            });
            if (scale.size() != 1 || !scale.get(0).contains("impl=~\"choreography|orchestration\"")
                    || !panel.path("fieldConfig").path("overrides").toString().contains("\"viz\":false")) {
                problems.add(title + ": one hidden \"scale\" target over both styles keeps the y-axes equal");
            }
            if (panel.path("fieldConfig").path("defaults").path("min").asInt(-1) != 0) {
                problems.add(title + ": y-axis from 0");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(repeated).as("rows of repeated panels").isGreaterThanOrEqualTo(7);
    }

    @Test
    void theFourQuestionsAreAnsweredByNamedPanelsThatTheReadmePointsAt() throws Exception {
        String readme = java.nio.file.Files.readString(Infra.file("README.md"));
        List<String> titles = Dashboards.panels(dashboards.get("four-questions.json")).stream()
                .map(panel -> panel.path("title").asText()).toList();
        for (String question : List.of("Q1 ", "Q2 ", "Q3 ", "Q4 ")) {
            assertThat(titles).as("panels answering " + question).anyMatch(title -> title.startsWith(question));
        }
        assertThat(titles).as("panels the README's four questions section does not name")
                .filteredOn(title -> !readme.contains("*" + title + "*")).isEmpty();
    }

    private static void check(String where, JsonNode datasource, Set<String> provisioned, List<String> problems) {
        if (datasource.isMissingNode()) {
            problems.add(where + ": no datasource");
        } else if (!provisioned.contains(datasource.path("uid").asText())) {
            problems.add(where + ": datasource uid \"" + datasource.path("uid").asText() + "\" is not provisioned "
                    + provisioned);
        }
    }
}
