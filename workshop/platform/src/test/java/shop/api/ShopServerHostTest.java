package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.observe.Observability;

/** --host: the shop listens where Prometheus in a container can reach it (here another loopback address). */
class ShopServerHostTest {
    @Test
    void listensOnTheAddressItIsGiven() throws Exception {
        Domain domain = Domain.demo();
        try (DirectFlow flow = new DirectFlow(domain, OrderListener.NONE);
             ShopServer server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), "127.0.0.2", 0)) {
            assertThat(server.baseUrl()).startsWith("http://127.0.0.2:");

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
        }
    }
}
