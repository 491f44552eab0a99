package shop.choreography.fraud;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import shop.choreography.handlers.OrderStory;
import shop.choreography.observe.MetricsBridge;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.OrderView;
import shop.flow.TimelineEntry;

/**
 * The order service's memory, now with the fraud events: like lab 03's projection it reads every event from the
 * beginning of the topic (committing nothing, so a new instance rebuilds the same views) and tells the shop's meters
 * about each step, the fraud review included, and each finished order.
 */
public final class ReviewedOrderProjection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReviewedOrderProjection.class);

    private final Map<String, ReviewedOrderStory> stories = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final OrderListener listener;
    private final Predicate<String> placedHere;
    private final MetricsBridge metrics;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param placedHere which orders to report to the listener: those this process placed */
    public ReviewedOrderProjection(String bootstrapServers, String topic, OrderListener listener, Predicate<String> placedHere) {
        this.listener = listener;
        this.placedHere = placedHere;
        this.metrics = new MetricsBridge(listener, placedHere);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "order-views-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::run, "reviewed-order-projection");
        thread.setDaemon(true);
        thread.start();
    }

    public Optional<OrderView> view(String orderId) {
        return Optional.ofNullable(stories.get(orderId)).map(ReviewedOrderStory::view);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        follow(record);
                    } catch (UndecodableEvent poison) {
                        // the services dead-letter it; a view has nothing to learn from it
                    } catch (RuntimeException e) {
                        // a broken listener (metrics) must not stop the order service from following the orders
                        log.warn("could not follow the record at offset {}: {}", record.offset(), e.toString());
                    }
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void follow(ConsumerRecord<String, byte[]> record) {
        if (FraudCodec.isFraudEvent(record.headers())) {
            FraudEvent event = FraudCodec.decode(record.headers(), record.value());
            ReviewedOrderStory story = stories.computeIfAbsent(event.orderId(), ReviewedOrderStory::new);
            if (story.add(event) && placedHere.test(event.orderId())) {
                TimelineEntry review = story.reviewEntry();
                if (review != null && review.finishedAt().equals(event.at())) {
                    listener.stepFinished(OrderStory.IMPL, FraudPolicy.STEP, review.duration(), review.outcome());
                }
            }
            return;
        }
        OrderEvent event = EventCodec.decode(EventCodec.typeOf(record.headers()), record.value());
        ReviewedOrderStory story = stories.computeIfAbsent(event.orderId(), ReviewedOrderStory::new);
        if (!story.orderEvents().add(event)) {
            return;
        }
        if (event instanceof StepEvent step) {
            metrics.stepFinished(step);
        }
        if (event instanceof FinalEvent) {
            metrics.finished(story.orderEvents().order(), story.view());
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
