package shop.orchestration.observe;

import io.opentelemetry.api.OpenTelemetry;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingOptions;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;
import shop.lab.Todo;

/**
 * One trace per order: the client's StartWorkflow span, then RunWorkflow and each RunActivity span in the
 * worker, even when the worker is another process (the context travels in the workflow's headers).
 * Temporal publishes OpenTracing interceptors only, so OpenTelemetry's OpenTracing shim (deprecated, still
 * working) bridges them to the OpenTelemetry SDK and its OTLP exporter.
 */
public final class TemporalTracing {
    private TemporalTracing() {}

    /**
     * The trace context travels in the workflow's and activities' headers as W3C {@code traceparent}, whatever
     * propagators the OpenTelemetry instance was (or was not) configured with.
     */
    public static OpenTracingOptions options(OpenTelemetry openTelemetry) {
        // TODO 2: an OpenTracing tracer that writes OpenTelemetry spans:
        //   W3CTraceContextPropagator w3c = W3CTraceContextPropagator.getInstance();
        //   io.opentracing.Tracer tracer = OpenTracingShim.createTracerShim(openTelemetry.getTracerProvider(), w3c, w3c);
        //   return OpenTracingOptions.newBuilder().setTracer(tracer).build();
        throw new Todo(2, "give Temporal's OpenTracing interceptors the OpenTelemetry shim in TemporalTracing.options");
        // end TODO 2
    }

    public static OpenTracingClientInterceptor clientInterceptor(OpenTelemetry openTelemetry) {
        return new OpenTracingClientInterceptor(options(openTelemetry));
    }

    public static OpenTracingWorkerInterceptor workerInterceptor(OpenTelemetry openTelemetry) {
        return new OpenTracingWorkerInterceptor(options(openTelemetry));
    }
}
