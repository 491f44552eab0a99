package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.observe.Observability;
import shop.observe.Tracing;

class TracingAndExemplarsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachRequestIsAServerSpanThatContinuesTheCallersTraceAndTheLatencyHistogramLinksToIt() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        String callersTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        Domain domain = Domain.demo();
        try (DirectFlow flow = new DirectFlow(domain, OrderListener.NONE);
             ShopServer server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), "127.0.0.1", 0, otel)) {
            HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/orders"))
                    .header("traceparent", "00-" + callersTrace + "-00f067aa0ba902b7-01")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(placed.statusCode()).isEqualTo(201);

            SpanData span = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getName().equals("POST /orders")).findFirst().orElseThrow();
            assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(span.getTraceId()).as("continues the caller's trace").isEqualTo(callersTrace);
            assertThat(span.getAttributes().get(Tracing.ORDER_ID)).as("names the order, so a trace search by id finds it")
                    .isNotBlank().isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(placed.body()).path("id").asText());

            String openMetrics = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/metrics"))
                    .header("Accept", "application/openmetrics-text; version=1.0.0").build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(openMetrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{")
                    && line.contains("uri=\"/orders\"") && line.contains("trace_id=\"" + callersTrace + "\"")))
                    .as("an exemplar on the /orders latency histogram links to the trace").isNotEmpty();
        } finally {
            otel.close();
        }
    }

    @Test
    void withoutAnOtlpEndpointNothingIsSetUpAndNothingIsExported() {
        assertThat(Tracing.fromEnvironment(Map.of(), "test")).isSameAs(GlobalOpenTelemetry.get());
    }
}
