package shop.choreography.handlers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.choreography.events.EventCodec;
import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.FinalEvent;
import shop.choreography.events.OrderEvent.StepEvent;
import shop.choreography.events.UndecodableEvent;
import shop.flow.OrderView;

/**
 * The order service's memory: it reads every event from the beginning of the topic and keeps each order's
 * story, from which {@link #view} answers "where is my order?". It commits nothing: a new instance rebuilds
 * the same views by reading the log again, which is how a shop restarted after a crash knows its earlier orders.
 * The constructor returns once the events that were in the topic when it started have been read.
 */
public final class OrderProjection implements OrderViews {
    private static final Logger log = LoggerFactory.getLogger(OrderProjection.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private final Map<String, OrderStory> stories = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final ProjectionListener listener;
    private final Consumer<ConsumerRecord<String, byte[]>> others;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Map<TopicPartition, Long> endsAtStart;
    private volatile boolean running = true;

    public OrderProjection(String bootstrapServers, String topic, ProjectionListener listener) {
        this(bootstrapServers, topic, listener, record -> {});
    }

    /**
     * @param others told of every record that is not an order event, on this projection's thread and in the record's
     *               trace (lab 10 follows the fraud check's events with it); poison records come here too
     */
    public OrderProjection(String bootstrapServers, String topic, ProjectionListener listener,
                           Consumer<ConsumerRecord<String, byte[]>> others) {
        this.listener = listener;
        this.others = others;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "order-views-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.endsAtStart = endOffsets(consumer, topic);
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::run, "order-projection");
        thread.setDaemon(true);
        thread.start();
        awaitCaughtUp(topic);
    }

    /** The end of each partition now: what a restarted shop must have read before it answers for earlier orders. */
    private static Map<TopicPartition, Long> endOffsets(KafkaConsumer<String, byte[]> consumer, String topic) {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10));
        } catch (KafkaException e) {
            log.warn("could not read the end of {} ({}); views of earlier orders appear as they are read", topic, e.toString());
            return Map.of();
        }
    }

    private void awaitCaughtUp(String topic) {
        try {
            if (!caughtUp.await(CATCH_UP.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("the views of earlier orders are not rebuilt from {} after {} s; they appear as they are read",
                        topic, CATCH_UP.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once every partition was read up to where it ended when this projection started. */
    private boolean readToTheEndsAtStart() {
        for (Map.Entry<TopicPartition, Long> end : endsAtStart.entrySet()) {
            if (end.getValue() > 0 && (!consumer.assignment().contains(end.getKey())
                    || consumer.position(end.getKey(), Duration.ofSeconds(1)) < end.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static final TextMapGetter<ConsumerRecord<String, byte[]>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, byte[]> record) {
            return java.util.Arrays.stream(record.headers().toArray()).map(header -> header.key()).toList();
        }

        @Override
        public String get(ConsumerRecord<String, byte[]> record, String key) {
            var header = record == null ? null : record.headers().lastHeader(key);
            return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        }
    };

    @Override
    public Optional<OrderView> view(String orderId) {
        return Optional.ofNullable(stories.get(orderId)).map(OrderStory::view);
    }

    public Optional<OrderStory> story(String orderId) {
        return Optional.ofNullable(stories.get(orderId));
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    follow(record);
                }
                if (caughtUp.getCount() > 0 && readToTheEndsAtStart()) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the order projection stopped: {}", e.toString(), e);
        } finally {
            caughtUp.countDown();
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void follow(ConsumerRecord<String, byte[]> record) {
        OrderEvent event;
        try {
            event = EventCodec.decode(EventCodec.typeOf(record.headers()), record.value());
        } catch (UndecodableEvent notAnOrderEvent) {
            inTrace(record, () -> others.accept(record)); // poison (the handlers dead-letter it), or another family
            return;
        }
        OrderStory story = stories.computeIfAbsent(event.orderId(), OrderStory::new);
        if (!story.add(event)) {
            return;
        }
        inTrace(record, () -> {
            if (event instanceof StepEvent step) {
                listener.stepFinished(step);
            }
            if (event instanceof FinalEvent) {
                listener.finished(story.order(), story.view());
            }
        });
    }

    /** In the trace of the record (its traceparent header), so timers recorded by the listener link to it. */
    private static void inTrace(ConsumerRecord<String, byte[]> record, Runnable work) {
        try (Scope trace = W3CTraceContextPropagator.getInstance().extract(Context.root(), record, HEADERS).makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            // a broken listener (metrics) must not stop the order service from following the orders
            log.warn("could not follow the record at offset {}: {}", record.offset(), e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
