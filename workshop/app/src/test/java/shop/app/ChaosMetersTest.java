package shop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.infra.PortInUse;
import shop.infra.Ports;
import shop.testkit.Scrape;

class ChaosMetersTest {
    private final List<String> progress = new ArrayList<>();

    @Test
    void servesTheRunsMetersWhereTheShopWouldBeAndStopsAfterTheNextScrape() throws Exception {
        int port = Ports.pickFree();
        String url = "http://127.0.0.1:" + port + "/metrics";
        ChaosMeters meters = ChaosMeters.start(port, true, Map.of(), progress::add);
        meters.listener().placed("direct", new Order("chaos-1", "ada", List.of(new OrderLine("BOOK-1", 1, 1_000))));
        Scrape.of(url);
        Scrape second = Scrape.of(url);
        assertThat(second.value("shop_orders_placed_total", "impl=\"direct\"", "application=\"shop\"")).hasValue(1.0);
        assertThat(second.value("http_server_requests_seconds_count", "uri=\"/metrics\"")).isPresent();
        assertThat(progress).anyMatch(line -> line.contains("meters on " + url));

        Thread prometheus = new Thread(() -> { // scrapes on until the server is gone
            try {
                while (true) {
                    Thread.sleep(200);
                    Scrape.of(url);
                }
            } catch (AssertionError | InterruptedException gone) {
                // the server stopped
            }
        });
        prometheus.start();
        long closing = System.nanoTime();
        meters.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("close waits for the next scrape, not its whole patience")
                .isLessThan(ChaosMeters.LAST_SCRAPE_PATIENCE);
        assertThat(progress).contains("waiting for Prometheus to scrape the final counts");
        prometheus.join(10_000);
    }

    @Test
    void theDefaultPortInUseIsReportedAndTheRunGoesOnWithoutServingItsMeters() throws Exception {
        try (ServerSocket shop = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChaosMeters meters = ChaosMeters.start(shop.getLocalPort(), false, Map.of(), progress::add)) {
            assertThat(meters.registry()).isNotNull();
            assertThat(progress).anyMatch(line -> line.contains("port " + shop.getLocalPort() + " is in use"));
        }
    }

    @Test
    void aChosenPortInUseIsAnError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ChaosMeters.start(taken.getLocalPort(), true, Map.of(), progress::add))
                    .isInstanceOf(PortInUse.class).hasMessageContaining("--metrics-port");
        }
    }
}
