package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChaosCommandTest {
    private final Cli cli = new Cli();

    @Test
    void everyFlowStaysConsistentUnderFaultsWithOnePartKilledAndTheTableSaysSo() {
        int exit = cli.run("chaos", "--orders", "100", "--metrics-port", "0");

        assertThat(exit).as("exit code; output: " + cli.out).isZero();
        assertThat(cli.out.toString()).contains("killing the payment service").contains("killing the worker service")
                .contains("choreography: published a poison record");
        for (String impl : new String[] {"direct", "choreography", "orchestration"}) {
            String row = cli.out.toString().lines().filter(line -> line.startsWith(impl + " ")).findFirst().orElseThrow();
            String[] columns = row.trim().split("\\s+");
            assertThat(columns[1]).as(impl + " orders").isEqualTo("100");
            assertThat(Integer.parseInt(columns[2]) + Integer.parseInt(columns[3])).as(impl + " completed + rejected").isEqualTo(100);
            assertThat(Integer.parseInt(columns[3])).as(impl + ": some orders are rejected by the faults").isPositive();
        }
        assertThat(cli.out.toString()).contains("Consistent:");
    }
}
