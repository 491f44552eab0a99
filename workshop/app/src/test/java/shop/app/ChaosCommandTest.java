package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChaosCommandTest {
    private final Cli cli = new Cli();

    @Test
    void theDirectFlowStaysConsistentUnderFaultsAndTheTableSaysSo() {
        int exit = cli.run("chaos", "--impl", "direct", "--orders", "200");

        assertThat(exit).as("exit code; output: " + cli.out).isZero();
        String row = cli.out.toString().lines().filter(line -> line.startsWith("direct ")).findFirst().orElseThrow();
        String[] columns = row.trim().split("\\s+");
        assertThat(columns[1]).as("orders").isEqualTo("200");
        assertThat(Integer.parseInt(columns[2]) + Integer.parseInt(columns[3])).as("completed + rejected").isEqualTo(200);
        assertThat(Integer.parseInt(columns[3])).as("some orders are rejected by the faults").isPositive();
        assertThat(cli.out.toString()).contains("Consistent:");
    }
}
