package shop.observe;

import java.util.Map;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

/**
 * Traces go out over OTLP only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set (e.g. to the Tempo of infra/);
 * otherwise nothing is exported and nothing complains. The SDK reads the other standard OTEL_* variables too.
 */
public final class Tracing {
    /** On every span of an order's trace that knows the order (HTTP, handlers, activities): Tempo finds it by id. */
    public static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");

    private Tracing() {}

    /** Names the order on the current span, if there is one. */
    public static void tagOrder(String orderId) {
        Span.current().setAttribute(ORDER_ID, orderId);
    }

    /** Whether {@link #fromEnvironment} sets up an exporter for this environment. */
    public static boolean exports(Map<String, String> env) {
        String endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        return endpoint != null && !endpoint.isBlank();
    }

    /** Installs the SDK as the global OpenTelemetry when an endpoint is configured; returns what is in use. */
    public static synchronized OpenTelemetry fromEnvironment(Map<String, String> env, String serviceName) {
        String endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (!exports(env)) {
            try {
                GlobalOpenTelemetry.set(OpenTelemetry.noop()); // settles it without the SDK's autoconfigure probe
            } catch (IllegalStateException alreadySet) {
                // someone set it first: keep theirs
            }
            return GlobalOpenTelemetry.get();
        }
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name", env.getOrDefault("OTEL_SERVICE_NAME", serviceName),
                        "otel.exporter.otlp.endpoint", endpoint,
                        "otel.traces.exporter", "otlp",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
                .setResultAsGlobal()
                .build()
                .getOpenTelemetrySdk();
    }
}
