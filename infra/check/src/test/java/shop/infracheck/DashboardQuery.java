package shop.infracheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** One PromQL expression of a Grafana panel, or of a Prometheus rule. */
record DashboardQuery(String where, String expr, boolean exemplar) {

    /**
     * What the check cannot produce: SDK meters that only an idle or failing server connection emits.
     * Queries on them are checked to parse, not to return data.
     */
    private static final Pattern NOT_PRODUCED_BY_THE_CHECK = Pattern.compile(
            "temporal_activity_poll_no_task|temporal_workflow_task_queue_poll_empty|temporal_request_failure");

    boolean expectsDataFromTheCheck() {
        return !NOT_PRODUCED_BY_THE_CHECK.matcher(expr).find();
    }

    /** The expression as Prometheus gets it once Grafana has filled in its variables. */
    String asGrafanaSends() {
        return expr.replace("$__rate_interval", "1m")
                .replace("$__interval", "15s")
                .replace("$__range", "5m")
                .replace("$impl", ".*");
    }

    static List<DashboardQuery> of(String dashboardFile, JsonNode dashboard) {
        List<DashboardQuery> queries = new ArrayList<>();
        for (JsonNode panel : Dashboards.panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new DashboardQuery(dashboardFile + " / panel \"" + panel.path("title").asText()
                        + "\" / " + target.path("refId").asText(), target.path("expr").asText(),
                        target.path("exemplar").asBoolean(false)));
            }
        }
        return queries;
    }
}
