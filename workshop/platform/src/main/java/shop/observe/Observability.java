package shop.observe;

import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.tracer.otel.OpenTelemetrySpanContext;

/** The one Prometheus registry of a shop process, with JVM and process meters bound. */
public final class Observability {
    /**
     * Micrometer puts exemplars on every series by default, _count included; OpenMetrics allows them on histogram
     * buckets and counters only, and Prometheus 2 rejects the whole scrape otherwise.
     */
    private static final PrometheusConfig EXEMPLARS_WHERE_OPENMETRICS_ALLOWS_THEM = new PrometheusConfig() {
        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public Properties prometheusProperties() {
            Properties properties = PrometheusConfig.super.prometheusProperties();
            properties.setProperty("io.prometheus.exporter.exemplarsOnAllMetricTypes", "false");
            return properties;
        }
    };

    private Observability() {}

    /**
     * The registry of a shop process configured by {@code env}: exemplars only when its traces are exported
     * ({@link Tracing#exports}). Without an exporter the choreography still passes trace ids along in record
     * headers, and an exemplar would point at a trace that no backend ever received.
     */
    public static PrometheusMeterRegistry newRegistry(String application, Map<String, String> env) {
        return newRegistry(application, Tracing.exports(env));
    }

    /** With exemplars, for a process (or test) that installs its own tracing SDK. */
    public static PrometheusMeterRegistry newRegistry(String application) {
        return newRegistry(application, true);
    }

    private static PrometheusMeterRegistry newRegistry(String application, boolean exemplars) {
        // Exemplars: a timer recorded while a sampled span is current carries its trace id (OpenMetrics scrape).
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(EXEMPLARS_WHERE_OPENMETRICS_ALLOWS_THEM,
                new PrometheusRegistry(), Clock.SYSTEM, exemplars ? new OpenTelemetrySpanContext() : null);
        registry.config().commonTags("application", application);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }
}
