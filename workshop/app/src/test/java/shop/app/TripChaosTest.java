package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TripChaosTest {
    private final Cli cli = new Cli();

    @Test
    void tripsInEveryStyleEndConfirmedOrRejectedAndARejectedTripHoldsNothing() {
        int exit = cli.run("chaos", "--orders", "10", "--impl", "direct", "--trips", "30");

        assertThat(exit).as("exit code; output: " + cli.out).isZero();
        String out = cli.out.toString();
        String table = out.substring(out.indexOf("trips impl"));
        for (String impl : new String[] {"direct", "choreography", "orchestration"}) {
            String[] columns = table.lines().filter(line -> line.startsWith(impl + " ")).findFirst().orElseThrow()
                    .trim().split("\\s+");
            assertThat(columns[1]).as(impl + " trips").isEqualTo("30");
            assertThat(Integer.parseInt(columns[2])).as(impl + ": cars for two thirds of the trips").isEqualTo(20);
            assertThat(Integer.parseInt(columns[3])).as(impl + ": the rest rejected").isEqualTo(10);
            assertThat(columns[4]).as(impl + " violations").isEqualTo("0");
        }
    }
}
