package shop.choreography.observe;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import shop.choreography.events.EventCodec;
import shop.choreography.handlers.LoopHooks;
import shop.observe.KafkaMetersRefreshedOften;
import shop.observe.Tracing;

/**
 * Handler loops that publish their Kafka client metrics, trace each record (a span exported over OTLP when the shop
 * is configured to), and pass the trace context on to the events they publish.
 */
public final class ObservedLoops implements LoopHooks {
    private final MeterRegistry registry;
    private final Map<Consumer<?, ?>, KafkaClientMetrics> bound = new ConcurrentHashMap<>();
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("shop.choreography");

    public ObservedLoops(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void consumerCreated(Consumer<?, ?> consumer) {
        // TODO 4: while the consumer runs, its own client metrics are in the registry (records consumed, fetch rates,
        //   how far behind it sees itself): Micrometer's KafkaClientMetrics, as the platform's KafkaMetersRefreshedOften
        //   makes them (it looks for the per-topic meters a consumer adds every 5 s, not once a minute). Keep them in
        //   `bound`, so that consumerClosing closes them and a restarted service leaves no stale meters.
        KafkaClientMetrics metrics = KafkaMetersRefreshedOften.of(consumer);
        metrics.bindTo(registry);
        bound.put(consumer, metrics);
        // end TODO 4
    }

    @Override
    public void consumerClosing(Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = bound.remove(consumer);
        if (metrics != null) {
            metrics.close();
        }
    }

    /** A consumer span per record, child of the span that published it (its traceparent), current while it is handled. */
    @Override
    public Handling handling(ConsumerRecord<String, byte[]> input) {
        Header type = input.headers().lastHeader(EventCodec.TYPE_HEADER);
        Span span = tracer.spanBuilder("handle " + (type == null ? "record" : new String(type.value(), StandardCharsets.UTF_8)))
                .setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), input, RECORD_HEADERS))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.destination.name", input.topic())
                .setAttribute("messaging.kafka.offset", input.offset())
                .setAttribute(Tracing.ORDER_ID, input.key()) // events are keyed by order id
                .startSpan();
        Scope scope = span.makeCurrent();
        return () -> {
            scope.close();
            span.end();
        };
    }

    private static final TextMapGetter<ConsumerRecord<String, byte[]>> RECORD_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, byte[]> record) {
            return java.util.Arrays.stream(record.headers().toArray()).map(Header::key).toList();
        }

        @Override
        public String get(ConsumerRecord<String, byte[]> record, String key) {
            Header header = record == null ? null : record.headers().lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    @Override
    public Map<String, String> headersFor(ConsumerRecord<String, byte[]> input) {
        // TODO 3: the events this handler publishes continue the order's trace, as children of this record's span:
        //   handling() made that span current (OpenTelemetry's Span.current()). Without a tracing SDK no span is
        //   recording, and the input's own traceparent header (TraceParent, TODO 1) is what to continue; no header,
        //   or a bad one, starts a new trace.
        Span current = Span.current();
        if (current.isRecording()) { // a real span of this record (no tracing SDK: a no-op that only wraps the parent)
            var ids = current.getSpanContext();
            return Map.of(TraceParent.HEADER, new TraceParent(ids.getTraceId(), ids.getSpanId()).header());
        }
        Header header = input.headers().lastHeader(TraceParent.HEADER);
        TraceParent parent = header == null ? null : TraceParent.parse(new String(header.value(), StandardCharsets.UTF_8));
        TraceParent next = parent == null ? TraceParent.newTrace() : parent.child();
        return Map.of(TraceParent.HEADER, next.header());
        // end TODO 3
    }
}
