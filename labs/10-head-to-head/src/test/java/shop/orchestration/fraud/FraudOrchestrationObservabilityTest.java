package shop.orchestration.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.testkit.Labs;

/**
 * The fraud check keeps what lab 09 observes, because its flow is lab 09's flow with another workflow: the workflow
 * and its activities continue the trace of the request that placed the order, and the end-to-end timer is recorded in
 * that trace (so its exemplar links to it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FraudOrchestrationObservabilityTest {
    private final Domain domain = Domain.demo();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();
    private final Map<String, String> traceOfFinishedOrder = new ConcurrentHashMap<>();
    private FraudOrchestration orchestration;
    private ReviewableOrchestrationFlow flow;

    @BeforeAll
    void start() {
        OrderListener traceOfTheEnd = new OrderListener() {
            @Override
            public void finished(String impl, Order order, OrderStatus status, boolean compensated, Duration endToEnd) {
                traceOfFinishedOrder.put(order.id(), Span.current().getSpanContext().getTraceId());
            }
        };
        orchestration = FraudOrchestration.start(domain, traceOfTheEnd, new FraudPolicy(Duration.ofSeconds(1)), openTelemetry);
        flow = orchestration.flow();
    }

    @AfterAll
    void stop() {
        if (orchestration != null) {
            orchestration.close();
        }
    }

    @Test
    void theWorkflowContinuesTheTraceOfTheRequestThatPlacedTheOrder() {
        long price = domain.catalog().priceCents("BOOK-1").orElseThrow();
        Order small = new Order("order-" + UUID.randomUUID(), "customer-traced", List.of(new OrderLine("BOOK-1", 1, price)));
        Span request = openTelemetry.getTracer("test").spanBuilder("POST /orders").startSpan();
        try (Scope placing = request.makeCurrent()) {
            flow.place(small);
        } finally {
            request.end();
        }
        String trace = request.getSpanContext().getTraceId();

        Labs.await("the order to be COMPLETED").until(() -> flow.view(small.id())
                .map(view -> view.status() == OrderStatus.COMPLETED).orElse(false));
        Labs.await("the spans of the order's last activity").until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(span -> span.getName().equals("RunActivity:Book")));
        assertThat(spans.getFinishedSpanItems()).filteredOn(span -> span.getTraceId().equals(trace)).extracting(SpanData::getName)
                .as("the workflow and its activities continue the request's trace (TemporalConnection, ReviewWorker)")
                .contains("StartWorkflow:ReviewedOrderWorkflow", "RunWorkflow:ReviewedOrderWorkflow", "RunActivity:Charge",
                        "RunActivity:Reserve", "RunActivity:Book");
        Labs.await("the end-to-end timer").until(() -> traceOfFinishedOrder.containsKey(small.id()));
        assertThat(traceOfFinishedOrder).as("the end-to-end timer is recorded in the order's trace: its exemplar links to it")
                .containsEntry(small.id(), trace);
    }
}
