package shop.console;

import java.util.List;

/**
 * The console's live charts, each beside the PromQL of the Grafana panel that shows the same thing, so the console
 * teaches the queries. The expressions are copied verbatim from {@code infra/grafana/dashboards} (a test keeps them
 * equal); {@code $impl} and {@code $__rate_interval} are the dashboard's variables. Every meter is read by name, so a
 * chart whose meter this process lacks (no choreography, no worker) stays empty.
 */
public final class ConsoleCharts {
    private ConsoleCharts() {}

    /**
     * @param id        the key of its series in {@link MeterHistory#snapshot()}
     * @param unit      "/s", "s" or "" (a count)
     * @param seriesBy  what the series are: "impl" (one per flow), "group" (one per Kafka consumer group) or
     *                  "task_queue" (one per Temporal task queue)
     * @param promql    the Grafana panel's query for this chart
     * @param dashboard the dashboard's file in infra/grafana/dashboards, or null if no panel shows it (then the
     *                  PromQL is the console's own)
     */
    public record Chart(String id, String title, String unit, String seriesBy, String promql, String dashboard,
                        String panel) {}

    private static final String ORDER_FLOW = "order-flow.json";
    private static final String SIDE_BY_SIDE = "side-by-side.json";
    private static final String TEMPORAL = "temporal.json";
    private static final String LATENCY_PANEL = "End-to-end order duration (p50, p95, p99)";
    /** A panel repeated per style: its queries read {@code impl="$style"}, one line of the console's chart each. */
    private static final String TRIPS_PANEL = "$style: trips placed, confirmed, rejected per second";

    public static final List<Chart> ALL = List.of(
            new Chart("placed", "Orders placed per second", "/s", "impl",
                    "sum by (impl) (rate(shop_orders_placed_total{impl=~\"$impl\"}[$__rate_interval]))",
                    ORDER_FLOW, "Orders placed per second"),
            new Chart("completed", "Orders completed per second", "/s", "impl",
                    "sum by (impl) (rate(shop_orders_completed_total{impl=~\"$impl\"}[$__rate_interval]))",
                    ORDER_FLOW, "Orders completed per second"),
            new Chart("rejected", "Orders rejected per second", "/s", "impl",
                    "sum by (impl) (rate(shop_orders_rejected_total{impl=~\"$impl\"}[$__rate_interval]))",
                    ORDER_FLOW, "Orders rejected per second"),
            new Chart("compensated", "Orders compensated per second", "/s", "impl",
                    "sum by (impl) (rate(shop_orders_compensated_total{impl=~\"$impl\"}[$__rate_interval]))",
                    ORDER_FLOW, "Orders compensated per second"),
            new Chart("p95", "End to end, p95", "s", "impl",
                    "histogram_quantile(0.95, sum by (impl, le) (rate(shop_order_duration_seconds_bucket{impl=~\"$impl\"}[$__rate_interval])))",
                    ORDER_FLOW, LATENCY_PANEL),
            new Chart("p50", "End to end, p50", "s", "impl",
                    "histogram_quantile(0.5, sum by (impl, le) (rate(shop_order_duration_seconds_bucket{impl=~\"$impl\"}[$__rate_interval])))",
                    ORDER_FLOW, LATENCY_PANEL),
            new Chart("inFlight", "Orders in flight", "", "impl",
                    "sum by (impl) (shop_orders_in_flight{impl=~\"$impl\"})",
                    ORDER_FLOW, "Orders in flight"),
            // Lab 05's lag per consumer group (committed offsets against the log's end): unlike the Kafka client's
            // own records-lag, it keeps growing while a service is stopped.
            new Chart("lag", "Consumer lag per group (records)", "", "group",
                    "sum by (group) (shop_kafka_consumer_group_lag)",
                    SIDE_BY_SIDE, "choreography: consumer group lag"),
            // The orchestration's queue: how long a task waited for a worker. The SDK records it when a worker
            // picks the task up, so a stopped worker shows as a spike once it runs again.
            new Chart("workflowTaskScheduleToStart", "Workflow task schedule-to-start, p95", "s", "task_queue",
                    "histogram_quantile(0.95, sum by (task_queue, le) (rate(temporal_workflow_task_schedule_to_start_latency_seconds_bucket[$__rate_interval])))",
                    TEMPORAL, "Workflow task schedule-to-start p95"),
            new Chart("activityScheduleToStart", "Activity schedule-to-start, p95", "s", "task_queue",
                    "histogram_quantile(0.95, sum by (task_queue, le) (rate(temporal_activity_schedule_to_start_latency_seconds_bucket[$__rate_interval])))",
                    TEMPORAL, "Activity schedule-to-start p95"),
            // Lab 11's trips, in the orders' vocabulary under names of their own.
            new Chart("tripsPlaced", "Trips placed per second", "/s", "impl",
                    "sum(rate(shop_trips_placed_total{impl=\"$style\"}[$__rate_interval]))", SIDE_BY_SIDE, TRIPS_PANEL),
            new Chart("tripsConfirmed", "Trips confirmed per second", "/s", "impl",
                    "sum(rate(shop_trips_confirmed_total{impl=\"$style\"}[$__rate_interval]))", SIDE_BY_SIDE, TRIPS_PANEL),
            new Chart("tripsRejected", "Trips rejected per second", "/s", "impl",
                    "sum(rate(shop_trips_rejected_total{impl=\"$style\"}[$__rate_interval]))", SIDE_BY_SIDE, TRIPS_PANEL));
}
