package shop.infracheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The provisioned Grafana dashboards (infra/grafana/dashboards/*.json). */
final class Dashboards {
    private Dashboards() {}

    static Map<String, JsonNode> all() {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        for (Path file : Infra.files("grafana/dashboards", ".json")) {
            dashboards.put(file.getFileName().toString(), Infra.json(file));
        }
        return dashboards;
    }

    /** Every panel that shows data (rows flattened, row headers left out). */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** The datasource uid of a target, or of its panel when the target names none. */
    static String datasourceUid(JsonNode panel, JsonNode target) {
        String uid = target.path("datasource").path("uid").asText("");
        return uid.isEmpty() ? panel.path("datasource").path("uid").asText("") : uid;
    }

    static List<DashboardQuery> queries() {
        List<DashboardQuery> queries = new ArrayList<>();
        all().forEach((file, dashboard) -> queries.addAll(DashboardQuery.of(file, dashboard)));
        return queries;
    }

    /** Each panel's description, by the expressions of its targets. */
    static Map<String, String> descriptionsByQuery() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        all().values().forEach(dashboard -> panels(dashboard).forEach(panel -> panel.path("targets").forEach(target ->
                descriptions.put(target.path("expr").asText(), panel.path("description").asText()))));
        return descriptions;
    }

    /** Each panel's description, by the start of its queries' {@link DashboardQuery#where()}: file / panel "title". */
    static Map<String, String> descriptionsByPanel() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        all().forEach((file, dashboard) -> panels(dashboard).forEach(panel -> descriptions.put(
                file + " / panel \"" + panel.path("title").asText() + "\"", panel.path("description").asText())));
        return descriptions;
    }

    /** The description of the panel a query belongs to, "" if none. */
    static String descriptionOf(DashboardQuery query, Map<String, String> byPanel) {
        return byPanel.entrySet().stream().filter(panel -> query.where().startsWith(panel.getKey() + " / "))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    /** The variables' queries, e.g. label_values(shop_orders_placed_total, impl). */
    static Map<String, String> variableQueries() {
        Map<String, String> variables = new LinkedHashMap<>();
        all().forEach((file, dashboard) -> {
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (!"query".equals(variable.path("type").asText())) {
                    continue; // custom and textbox variables have no query
                }
                variables.put(file + " / $" + variable.path("name").asText(), variable.path("definition").asText());
            }
        });
        return variables;
    }
}
