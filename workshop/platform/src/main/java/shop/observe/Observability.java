package shop.observe;

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

    public static PrometheusMeterRegistry newRegistry(String application) {
        // Exemplars: a timer recorded while a sampled span is current carries its trace id (OpenMetrics scrape).
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(EXEMPLARS_WHERE_OPENMETRICS_ALLOWS_THEM,
                new PrometheusRegistry(), Clock.SYSTEM, new OpenTelemetrySpanContext());
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
