package shop.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

/**
 * A step recorded in the trace context that came with a Kafka record, as the choreography records it: the trace id
 * becomes an exemplar only in a process that exports its traces; otherwise it would link to a trace nobody has.
 */
class ExemplarsOnlyWhenTracesAreExportedTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void withoutAnOtlpEndpointNoSampleCarriesATraceId() {
        assertThat(exemplarLines(Observability.newRegistry("test", Map.of()))).isEmpty();
        assertThat(exemplarLines(Observability.newRegistry("test", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))))
                .as("a blank endpoint exports nothing either").isEmpty();
    }

    @Test
    void withAnOtlpEndpointTheStepLinksToItsTrace() {
        assertThat(exemplarLines(Observability.newRegistry("test",
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317"))))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("shop_step_duration_seconds_bucket{"));
    }

    private static List<String> exemplarLines(PrometheusMeterRegistry registry) {
        SpanContext fromRecordHeaders = SpanContext.createFromRemoteParent(TRACE_ID, "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope trace = Span.wrap(fromRecordHeaders).makeCurrent()) {
            Timer.builder(MeterNames.STEP_DURATION).publishPercentileHistogram().register(registry)
                    .record(Duration.ofMillis(20));
        }
        return registry.scrape("application/openmetrics-text").lines()
                .filter(line -> line.contains("trace_id=\"" + TRACE_ID + "\"")).toList();
    }
}
