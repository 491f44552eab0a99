package shop.choreography.observe;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import shop.choreography.handlers.LoopHooks;

/** Handler loops that publish their Kafka client metrics and pass the trace context on to the events they publish. */
public final class ObservedLoops implements LoopHooks {
    private final MeterRegistry registry;
    private final Map<Consumer<?, ?>, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

    public ObservedLoops(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void consumerCreated(Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        bound.put(consumer, metrics);
    }

    @Override
    public void consumerClosing(Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = bound.remove(consumer);
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public Map<String, String> headersFor(ConsumerRecord<String, byte[]> input) {
        Header header = input.headers().lastHeader(TraceParent.HEADER);
        TraceParent parent = header == null ? null : TraceParent.parse(new String(header.value(), StandardCharsets.UTF_8));
        TraceParent next = parent == null ? TraceParent.newTrace() : parent.child();
        return Map.of(TraceParent.HEADER, next.header());
    }
}
