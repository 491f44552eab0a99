package shop.orchestration.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.api.ShopServer;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.flow.OrderFlow;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.lab.Todo;
import shop.metrics.OrderMetrics;
import shop.observe.Observability;
import shop.observe.Tracing;
import shop.orchestration.flow.OrchestrationFlowFactory;
import shop.testkit.Labs;
import shop.testkit.Scrape;
import shop.testkit.ShopHttp;

/** The whole shop on a real Temporal server: HTTP in, metrics and traces out, timelines from history. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrchestrationObservabilityTest {
    private final Domain domain = Domain.demo();
    private final PrometheusMeterRegistry registry = Observability.newRegistry("lab-09");
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private EmbeddedTemporal temporal;
    private OrderFlow flow;
    private ShopServer shop;
    private ShopHttp http;

    @BeforeAll
    void startShop() {
        Todo.forget();
        temporal = EmbeddedTemporal.start(Ports.pickFree());
        OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .build();
        ShopContext context = new ShopContext(domain, registry, new OrderMetrics(registry), null, temporal.target(), Set.of());
        flow = new OrchestrationFlowFactory(openTelemetry).create(context);
        shop = ShopServer.start(domain, registry, List.of(flow), "127.0.0.1", 0, openTelemetry);
        http = new ShopHttp(shop.baseUrl());
    }

    @AfterAll
    void stopShop() {
        if (shop != null) {
            shop.close();
        }
        if (flow != null) {
            flow.close();
        }
        temporal.close();
    }

    @BeforeEach
    void noFaults() {
        domain.faults().reset();
    }

    @Test
    void theSdkReportsItsMetricsIntoTheShopRegistry() {
        awaitFinal(http.placeOrder("dave", "BOOK-1", 1));

        Labs.await("Temporal SDK meters in /metrics (reported every second)").until(() ->
                http.scrape().value("temporal_workflow_completed_total", "workflow_type=\"ControlledOrderWorkflow\"").isPresent());
        Scrape scrape = http.scrape();
        assertThat(scrape.lines("temporal_activity_execution_latency_seconds_count", "activity_type=\"Charge\""))
                .as("TODO 1: MicrometerClientStatsReporter turns the SDK's Tally metrics into Micrometer meters")
                .isNotEmpty();
    }

    @Test
    void theBusinessMetersAreTheSameAsEveryFlowsWithImplOrchestration() {
        awaitFinal(http.placeOrder("erin", "MUG-1", 1));
        awaitFinal(http.placeOrder("erin", "MUG-1", 1));

        Scrape scrape = http.scrape();
        assertThat(scrape.require("shop_orders_placed_total", "impl=\"orchestration\"")).isGreaterThanOrEqualTo(2);
        assertThat(scrape.require("shop_orders_completed_total", "impl=\"orchestration\"")).isGreaterThanOrEqualTo(2);
        assertThat(scrape.value("shop_step_duration_seconds_count",
                "impl=\"orchestration\"", "service=\"payment\"", "step=\"charge\"", "outcome=\"ok\"").orElse(0))
                .as("TODO 3: StepTimer reports every activity to the order listener as a step, with its service")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void getOrderReturnsTheTimelineReadFromTheWorkflowHistory() {
        JsonNode order = awaitFinal(http.placeOrder("frank", "DESK-1", 1));

        assertThat(order.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(entries(order)).as("TODO 4: one entry per activity, service/step/outcome")
                .containsExactly("payment/charge/ok", "inventory/reserve/ok", "shipping/book/ok");
        for (JsonNode entry : order.get("timeline")) {
            assertThat(entry.get("startedAt").asText()).as("TODO 4: startedAt is when the activity was scheduled")
                    .isLessThanOrEqualTo(entry.get("finishedAt").asText());
        }
    }

    @Test
    void theTimelineOfARejectedOrderShowsTheFailureAndTheCompensations() {
        domain.faults().apply(FaultSettings.none().withCarrierUnavailableRate(1));

        JsonNode order = awaitFinal(http.placeOrder("gina", "TEE-1", 1));

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asText()).isEqualTo("carrier-unavailable");
        assertThat(entries(order)).as("TODO 4: a failed activity's outcome is its failure type")
                .containsExactly("payment/charge/ok", "inventory/reserve/ok", "shipping/book/carrier-unavailable",
                        "shipping/cancel/ok", "inventory/release/ok", "payment/refund/ok");
    }

    @Test
    void oneTracePerOrderFromTheClientThroughTheWorkflowToEveryActivity() {
        String id = http.placeOrder("hugo", "LAMP-1", 1);
        awaitFinal(id);

        Labs.await("the spans of " + id).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(span -> span.getName().equals("RunActivity:Book")));
        SpanData start = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().startsWith("StartWorkflow:"))
                .filter(span -> id.equals(span.getAttributes().get(AttributeKey.stringKey("workflowId"))))
                .findFirst().orElseThrow(() -> new AssertionError("TODO 2: no StartWorkflow span for " + id
                        + "; are the OpenTracing interceptors given the OpenTelemetry shim?"));
        List<String> sameTrace = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(start.getTraceId()))
                .map(SpanData::getName).toList();
        assertThat(sameTrace).as("TODO 2: the workflow and its activities continue the client's trace")
                .contains("RunWorkflow:ControlledOrderWorkflow", "RunActivity:Charge", "RunActivity:Reserve", "RunActivity:Book");
        assertThat(sameTrace).as("the trace starts at the shop's HTTP request that placed the order")
                .contains("POST /orders");
        assertThat(spans.getFinishedSpanItems()).filteredOn(span -> span.getTraceId().equals(start.getTraceId())
                        && span.getName().startsWith("RunActivity:"))
                .as("every activity's span names the order (order.id), so a trace search by order id finds it")
                .isNotEmpty()
                .allSatisfy(span -> assertThat(span.getAttributes().get(Tracing.ORDER_ID)).isEqualTo(id));
        List<String> requestTraces = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("POST /orders")).map(SpanData::getTraceId).toList();
        String openMetrics = registry.scrape("application/openmetrics-text");
        assertThat(openMetrics.lines().filter(line -> line.startsWith("shop_order_duration_seconds_bucket{")
                && line.contains("impl=\"orchestration\"")
                && requestTraces.stream().anyMatch(trace -> line.contains("trace_id=\"" + trace + "\""))))
                .as("exemplars on the end-to-end histogram link to the traces of the orders").isNotEmpty();
    }

    private JsonNode awaitFinal(String id) {
        List<JsonNode> found = new ArrayList<>();
        Labs.await("order " + id + " to be COMPLETED or REJECTED").until(() -> {
            ShopHttp.Response response = http.get("/orders/" + id);
            found.clear();
            found.add(response.body());
            return response.status() == 200 && !"PENDING".equals(response.body().get("status").asText());
        });
        return found.get(0);
    }

    private static List<String> entries(JsonNode order) {
        List<String> entries = new ArrayList<>();
        order.get("timeline").forEach(entry -> entries.add(entry.get("service").asText() + "/"
                + entry.get("step").asText() + "/" + entry.get("outcome").asText()));
        return entries;
    }
}
