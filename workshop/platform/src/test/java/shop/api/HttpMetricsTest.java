package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.observe.Observability;

class HttpMetricsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestsAreTimedPerRouteTemplateNotPerRawPath() throws Exception {
        Domain domain = Domain.demo();
        PrometheusMeterRegistry registry = Observability.newRegistry("test");
        try (DirectFlow flow = new DirectFlow(domain, OrderListener.NONE);
             ShopServer server = ShopServer.start(domain, registry, List.of(flow), 0)) {
            get(server, "/orders/a");
            get(server, "/orders/b");
            get(server, "/no-such-route");

            String scrape = get(server, "/metrics").body();

            assertThat(scrape).contains("uri=\"/orders/{id}\"").contains("uri=\"NOT_FOUND\"")
                    .doesNotContain("uri=\"/orders/a\"");
            assertThat(scrape).contains("http_server_requests_seconds_bucket{");
        }
    }

    @Test
    void openMetricsIsServedWhenThePrometheusScraperAsksForIt() throws Exception {
        Domain domain = Domain.demo();
        try (DirectFlow flow = new DirectFlow(domain, OrderListener.NONE);
             ShopServer server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), 0)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/metrics"))
                    .header("Accept", "application/openmetrics-text; version=1.0.0").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/openmetrics-text"));
            assertThat(response.body()).endsWith("# EOF\n");
        }
    }

    private HttpResponse<String> get(ShopServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
