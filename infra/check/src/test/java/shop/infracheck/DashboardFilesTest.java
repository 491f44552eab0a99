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
    void theFourDashboardsAreThere() {
        List<String> titles = dashboards.values().stream().map(d -> d.path("title").asText()).toList();
        assertThat(titles).containsExactlyInAnyOrder(
                "Order flow: choreography vs orchestration", "Kafka", "Temporal", "HTTP and JVM");
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
                .filter(q -> !q.exemplar())
                .map(DashboardQuery::where)
                .toList();
        assertThat(withoutExemplars).isEmpty();
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
