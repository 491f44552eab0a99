package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI smoke run of {@code bench}: a handful of orders, to prove it measures and writes, not to measure. */
class BenchCommandTest {
    private final Cli cli = new Cli();

    @TempDir
    Path out;

    @Test
    void measuresEveryFlowAgainstItsBaselinesAndWritesCsvAndAnSvgChart() throws Exception {
        int exit = cli.run("bench", "--orders", "30", "--warm-up", "10", "--latency-orders", "10", "--rate", "20",
                "--out", out.toString());

        assertThat(exit).as("exit code; stderr: " + cli.err).isZero();
        assertThat(cli.out.toString()).contains("orders/s").contains("p99 ms")
                .contains("warm-up: 10 orders through the flow and through its same-shape baseline, not timed")
                .contains("in two rounds of 15 around the baseline's two")
                .contains("cores").contains("the SDK's test server, in memory, not the production server")
                .contains("between them");
        List<String> csv = Files.readAllLines(out.resolve("bench.csv"));
        assertThat(csv).extracting(line -> line.split(",")[0]).containsExactly("impl", "direct", "choreography", "orchestration");
        for (String row : csv.subList(1, csv.size())) {
            assertThat(Double.parseDouble(row.split(",")[2])).as("orders per second: " + row).isPositive();
        }
        assertThat(csv.get(2)).as("choreography against its same shape, then raw Kafka")
                .contains("handlers that only pass the order on").contains("Kafka");
        assertThat(csv.get(3)).as("orchestration against empty activities, then no-op workflows")
                .contains("empty bodies").contains("no-op activities");
        assertThat(Files.readString(out.resolve("bench.html"))).contains("<svg").contains(">orchestration</text>")
                .contains("same shape");
    }

    @Test
    void theScalingRunReportsEachSettingAndWhenPartitionsCapTheConsumers() throws Exception {
        int exit = cli.run("bench", "--impl", "choreography,orchestration", "--orders", "5", "--warm-up", "1", "--latency-orders", "5",
                "--scaling", "1,13", "--scaling-orders", "6", "--slow-ms", "50", "--out", out.toString());

        assertThat(exit).as("exit code; stderr: " + cli.err).isZero();
        List<String> rows = Files.readAllLines(out.resolve("bench-scaling.csv"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(2)).as("13 consumers over 12 partitions").startsWith("choreography,consumers per group,13,12,")
                .contains(",true,");
        assertThat(rows.get(4)).startsWith("orchestration,activity slots,13,13,").contains(",false,");
        assertThat(cli.out.toString()).contains("capped: only 12 partitions, 1 consumers of each group idle");
        assertThat(Files.readString(out.resolve("bench.html"))).contains("Scaling the slow payment step");
    }

    @Test
    void nonsenseOptionsAreOneLineErrors() {
        assertThat(cli.run("bench", "--rate", "0")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("must be positive");
        Cli noWarmUp = new Cli();
        assertThat(noWarmUp.run("bench", "--warm-up", "0")).isEqualTo(2);
        assertThat(noWarmUp.err.toString()).contains("must be positive").doesNotContain("Exception");
    }
}
