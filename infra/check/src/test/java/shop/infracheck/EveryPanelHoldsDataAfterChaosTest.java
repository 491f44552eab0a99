package shop.infracheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import shop.app.ShopCli;
import shop.infra.Ports;

/**
 * "After {@code ./shop chaos}, every panel holds data": the real prometheus, with the repo's config and rules, scrapes a
 * short chaos run ({@code ./shop chaos}, in this JVM) at the address of the stack's {@code shop} job, where chaos serves
 * its meters ({@code --metrics-port}). Then every query of every dashboard is asked over the run, as a Grafana panel
 * asks for its time range, and must return data; only a panel whose description says why it can be empty may not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPanelHoldsDataAfterChaosTest {
    /** How a description says why its panel can be empty: meters that appear late or only sometimes, or no traces. */
    static final Pattern SAYS_WHY_IT_CAN_BE_EMPTY =
            Pattern.compile(QueriesAgainstRealPrometheusTest.LATE.pattern() + "|\\b[Ee]mpty (while|until)\\b");
    /** Orders per flow: enough for each flow's run to last several scrapes and 5 s meter refreshes, under load. */
    private static final int ORDERS = 40;
    private static final List<String> FLOWS = List.of("direct", "choreography", "orchestration");
    /** Trips per style (direct, choreography, orchestration), for the Trips row. */
    private static final int TRIPS = 10;

    private PrometheusServer prometheus;
    private Instant start;
    private Instant end;
    private int exitCode;
    private final StringWriter output = new StringWriter();

    @BeforeAll
    void prometheusScrapesAShortChaosRun(@TempDir Path workDir) throws Exception {
        Binaries.require("prometheus");
        int port = Ports.pickFree();
        prometheus = PrometheusServer.scraping("127.0.0.1:" + port, workDir);
        start = Instant.now();
        CommandLine chaos = new CommandLine(new ShopCli());
        chaos.setOut(new PrintWriter(output, true));
        chaos.setErr(new PrintWriter(output, true));
        exitCode = chaos.execute("chaos", "--orders", String.valueOf(ORDERS), "--impl", String.join(",", FLOWS),
                "--trips", String.valueOf(TRIPS), "--metrics-port", String.valueOf(port));
        end = Instant.now();
        System.out.println(output);
    }

    @Test
    void chaosRanCleanAndServedItsMetersUntilTheFinalCounts() {
        assertThat(exitCode).as("./shop chaos exit code; it printed:\n" + output).isZero();
        assertThat(output.toString()).contains("meters on http://127.0.0.1:");
        // Each order ends once (some are placed twice on purpose): every one of them was scraped, the last ones too.
        assertThat(prometheus.sum("sum(max_over_time(shop_order_duration_seconds_count[10m]))"))
                .as("orders that ended, as Prometheus saw them").isEqualTo(ORDERS * FLOWS.size());
    }

    @Test
    void everyPanelHoldsDataOverTheRunOrSaysWhyNot() {
        Map<String, String> descriptions = Dashboards.descriptionsByPanel();
        List<String> empty = new ArrayList<>();
        List<String> exempt = new ArrayList<>();
        for (DashboardQuery query : Dashboards.queries()) {
            PrometheusServer.Answer answer = overTheRun(query.asGrafanaSends());
            assertThat(answer.success()).as(query.where() + ": " + answer.error()).isTrue();
            if (answer.resultCount() > 0) {
                continue;
            }
            if (SAYS_WHY_IT_CAN_BE_EMPTY.matcher(Dashboards.descriptionOf(query, descriptions)).find()) {
                exempt.add(query.where());
            } else {
                empty.add(query.where() + "\n    " + query.expr());
            }
        }
        System.out.println("Empty after chaos, as their descriptions say they may be: " + exempt);
        assertThat(empty).as("panels empty after ./shop chaos whose description does not say why").isEmpty();
    }

    @Test
    void chaosTripsReachTheTripsRow() {
        assertThat(prometheus.sum("sum(max_over_time(shop_trips_placed_total[10m]))"))
                .as("trips placed, as Prometheus saw them (a trip booked twice counts once)").isEqualTo(TRIPS * 3);
    }

    /** The flat 0 of the dead-letter panel is not enough: chaos poisons the choreography, so records were dead-lettered. */
    @Test
    void chaosDeadLettersRecords() {
        PrometheusServer.Answer letters = overTheRun(
                "sum(max_over_time(kafka_producer_topic_record_send_total{topic=~\".*dead-letter.*\"}[10m]))");
        double most = 0;
        for (JsonNode series : letters.data().path("result")) {
            for (JsonNode point : series.path("values")) {
                most = Math.max(most, Double.parseDouble(point.get(1).asText()));
            }
        }
        assertThat(most).as("records the choreography sent to its dead-letter topic during chaos").isPositive();
    }

    /** From the start of the run to a little after its end, as the dashboards' time range (the last 15 minutes) covers it. */
    private PrometheusServer.Answer overTheRun(String expr) {
        return prometheus.queryRange(expr, start, end.plusSeconds(2), Duration.ofSeconds(1));
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }
}
