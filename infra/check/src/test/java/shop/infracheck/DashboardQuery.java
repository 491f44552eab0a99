package shop.infracheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** One PromQL expression of a Grafana panel, or of a Prometheus rule. */
record DashboardQuery(String where, String expr, boolean exemplar) {

    /**
     * Meters that only the choreography and orchestration flows and the Temporal SDK emit, which the check's
     * shop (the direct flow plus bare Kafka clients) cannot produce: queries on them are checked to parse,
     * not to return data.
     */
    private static final Pattern OTHER_FLOWS =
            Pattern.compile("\\btemporal_|impl=\"(choreography|orchestration)\"");

    boolean expectsDataFromTheCheck() {
        return !OTHER_FLOWS.matcher(expr).find();
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
