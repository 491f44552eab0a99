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
import shop.lab.Todo;

/** Handler loops that publish their Kafka client metrics and pass the trace context on to the events they publish. */
public final class ObservedLoops implements LoopHooks {
    private final MeterRegistry registry;
    private final Map<Consumer<?, ?>, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

    public ObservedLoops(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void consumerCreated(Consumer<?, ?> consumer) {
        // TODO 4: bind the consumer's own metrics to the registry: new KafkaClientMetrics(consumer).bindTo(registry),
        //   and keep it in `bound` so consumerClosing can close it (a restarted service must not leave stale meters)
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
        // TODO 3: read the input's traceparent header (input.headers().lastHeader(TraceParent.HEADER), UTF-8) and
        //   answer with its child, so the events this handler publishes continue the order's trace:
        //   Map.of(TraceParent.HEADER, child.header()). No or a bad header: start a new trace.
        throw new Todo(3, "carry the trace context on to the events the handler publishes");
    }
}
