package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    private final Cli cli = new Cli();

    @TempDir
    Path out;

    @Test
    void measuresEveryFlowAgainstItsRawInfrastructureAndWritesCsvAndAnSvgChart() throws Exception {
        int exit = cli.run("bench", "--orders", "30", "--latency-orders", "10", "--rate", "20", "--out", out.toString());

        assertThat(exit).as("exit code; stderr: " + cli.err).isZero();
        assertThat(cli.out.toString()).contains("orders/s").contains("p99 ms");
        List<String> csv = Files.readAllLines(out.resolve("bench.csv"));
        assertThat(csv).extracting(line -> line.split(",")[0]).containsExactly("impl", "direct", "choreography", "orchestration");
        for (String row : csv.subList(1, csv.size())) {
            assertThat(Double.parseDouble(row.split(",")[2])).as("orders per second: " + row).isPositive();
        }
        assertThat(csv.get(2)).as("choreography against raw Kafka").contains("Kafka");
        assertThat(csv.get(3)).as("orchestration against no-op workflows").contains("no-op activities");
        assertThat(Files.readString(out.resolve("bench.html"))).contains("<svg").contains(">orchestration</text>");
    }

    @Test
    void nonsenseOptionsAreOneLineErrors() {
        assertThat(cli.run("bench", "--rate", "0")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("must be positive");
    }
}
