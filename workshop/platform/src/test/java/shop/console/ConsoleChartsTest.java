package shop.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import shop.json.Json;

/** The PromQL beside each chart is the query of the Grafana panel it names, word for word. */
class ConsoleChartsTest {
    private static final Path DASHBOARDS = Path.of("../../infra/grafana/dashboards");

    @Test
    void everyChartWithAPanelShowsThatPanelsQuery() throws Exception {
        assertThat(DASHBOARDS).as("the dashboards, seen from workshop/platform").isDirectory();
        for (ConsoleCharts.Chart chart : ConsoleCharts.ALL) {
            if (chart.dashboard() == null) {
                continue;
            }
            JsonNode dashboard = Json.mapper().readTree(Files.readString(DASHBOARDS.resolve(chart.dashboard())));
            List<String> queries = new ArrayList<>();
            collect(dashboard.get("panels"), chart.panel(), queries);
            assertThat(queries).as("queries of panel \"%s\" in %s, for the console's chart %s", chart.panel(),
                    chart.dashboard(), chart.id()).contains(chart.promql());
        }
    }

    @Test
    void aChartWithoutAPanelSaysSoWithNoPanelName() {
        assertThat(ConsoleCharts.ALL).filteredOn(chart -> chart.dashboard() == null)
                .allSatisfy(chart -> assertThat(chart.panel()).isNull());
    }

    private static void collect(JsonNode panels, String title, List<String> queries) {
        for (JsonNode panel : panels) {
            if (panel.has("panels")) {
                collect(panel.get("panels"), title, queries);
            }
            if (title.equals(panel.path("title").asText())) {
                panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
            }
        }
    }
}
