package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import shop.api.ShopServer;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.observe.Observability;

class LoadCommandTest {
    private final Cli cli = new Cli();

    @Test
    void placesOrdersAtTheRateForTheDurationAndSummarisesEveryOne() {
        Domain domain = Domain.demo();
        try (DirectFlow flow = new DirectFlow(domain, OrderListener.NONE);
             ShopServer server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), 0)) {

            int exit = cli.run("load", "--url", server.baseUrl(), "--rate", "20", "--duration", "2s");

            assertThat(exit).as("exit code; stderr: " + cli.err).isZero();
            String summary = cli.out.toString().lines().filter(line -> line.startsWith("direct")).findFirst().orElseThrow();
            String[] columns = summary.trim().split("\\s+");
            int placed = Integer.parseInt(columns[1]);
            assertThat(placed).as("about 20/s for 2 s").isBetween(30, 50);
            assertThat(Integer.parseInt(columns[2])).as("completed").isEqualTo(placed);
            assertThat(Integer.parseInt(columns[4])).as("pending").isZero();
        }
    }

    @Test
    void anUnknownFlowOrNoShopIsAOneLineError() {
        assertThat(cli.run("load", "--url", "http://127.0.0.1:1", "--duration", "1s")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("no shop answers at http://127.0.0.1:1");
    }
}
