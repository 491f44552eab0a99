package shop.infracheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** One PromQL expression of a Grafana panel, or of a Prometheus rule. */
record DashboardQuery(String where, String expr, boolean exemplar, String refId) {

    /** The hidden target of a side-by-side panel that keeps both columns on one y-axis (no exemplars on purpose). */
    static final String SCALE = "scale";

    /**
     * What the check cannot produce: SDK meters that only an idle or failing server connection emits, and the
     * service graph that Tempo's metrics generator writes (no Tempo here). Checked to parse, not to return data.
     */
    private static final Pattern NOT_PRODUCED_BY_THE_CHECK = Pattern.compile(
            "temporal_activity_poll_no_task|temporal_workflow_task_queue_poll_empty|temporal_request_failure"
                    + "|traces_service_graph");

    /** The trip meters (lab 11): TripQueriesAgainstRealPrometheusTest books trips and checks them; the order checks book none. */
    private static final Pattern TRIPS = Pattern.compile("shop_trips?_");

    DashboardQuery(String where, String expr, boolean exemplar) {
        this(where, expr, exemplar, "");
    }

    boolean expectsDataFromTheCheck() {
        return !NOT_PRODUCED_BY_THE_CHECK.matcher(expr).find() && !isAboutTrips();
    }

    boolean isAboutTrips() {
        return TRIPS.matcher(expr).find();
    }

    /** The expression as Prometheus gets it once Grafana has filled in its variables. */
    String asGrafanaSends() {
        return expr.replace("$__rate_interval", "1m")
                .replace("$__interval", "15s")
                .replace("$__range", "5m")
                .replace("$impl", ".*");
    }

    /**
     * The Prometheus queries of a dashboard's panels (Tempo's are not PromQL). A query that uses a custom variable
     * (e.g. $style of a repeated panel) becomes one query per value, so each repeated panel is checked.
     */
    static List<DashboardQuery> of(String dashboardFile, JsonNode dashboard) {
        Map<String, List<String>> custom = customVariables(dashboard);
        List<DashboardQuery> queries = new ArrayList<>();
        for (JsonNode panel : Dashboards.panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                if (!Dashboards.datasourceUid(panel, target).equals("prometheus")) {
                    continue;
                }
                String where = dashboardFile + " / panel \"" + panel.path("title").asText() + "\" / "
                        + target.path("refId").asText();
                Map<String, String> expanded = new LinkedHashMap<>(Map.of("", target.path("expr").asText()));
                custom.forEach((name, values) -> {
                    Map<String, String> next = new LinkedHashMap<>();
                    expanded.forEach((label, expr) -> {
                        if (!expr.contains("$" + name)) {
                            next.put(label, expr);
                        } else {
                            values.forEach(value -> next.put(label + " [$" + name + "=" + value + "]",
                                    expr.replace("$" + name, value)));
                        }
                    });
                    expanded.clear();
                    expanded.putAll(next);
                });
                expanded.forEach((label, expr) -> queries.add(new DashboardQuery(where + label, expr,
                        target.path("exemplar").asBoolean(false), target.path("refId").asText())));
            }
        }
        return queries;
    }

    /** Custom variables and their values, "All" left out. */
    static Map<String, List<String>> customVariables(JsonNode dashboard) {
        Map<String, List<String>> custom = new LinkedHashMap<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("custom".equals(variable.path("type").asText())) {
                custom.put(variable.path("name").asText(), List.of(variable.path("query").asText().split("\\s*,\\s*")));
            }
        }
        return custom;
    }
}
