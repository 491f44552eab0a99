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
    void measuresEachFlowAndWritesCsvAndAnSvgChart() throws Exception {
        int exit = cli.run("bench", "--impl", "direct", "--orders", "200", "--latency-orders", "40", "--rate", "200",
                "--out", out.toString());

        assertThat(exit).as("exit code; stderr: " + cli.err).isZero();
        assertThat(cli.out.toString()).contains("orders/s").contains("p99 ms");
        List<String> csv = Files.readAllLines(out.resolve("bench.csv"));
        assertThat(csv).hasSize(2);
        String[] direct = csv.get(1).split(",");
        assertThat(direct[0]).isEqualTo("direct");
        assertThat(Double.parseDouble(direct[2])).as("orders per second").isPositive();
        assertThat(Files.readString(out.resolve("bench.html"))).contains("<svg").contains(">direct</text>");
    }

    @Test
    void nonsenseOptionsAreOneLineErrors() {
        assertThat(cli.run("bench", "--rate", "0")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("must be positive");
    }
}
