package shop.choreography.fraud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import shop.choreography.events.EventCodec;
import shop.choreography.events.UndecodableEvent;
import shop.choreography.observe.TraceParent;
import shop.json.Json;

/**
 * Fraud events as JSON with their type in the same header as the order events, and a publish that waits for the
 * broker. Like every record of the flow, a fraud event carries the order's trace ({@code traceparent}).
 */
public final class FraudCodec {
    private static final ObjectMapper json = Json.mapper();
    private static final Map<String, Class<?>> typesByName = Arrays.stream(FraudEvent.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private FraudCodec() {}

    /** True if the record holds a fraud event rather than an order event. */
    public static boolean isFraudEvent(Headers headers) {
        String type = EventCodec.typeOf(headers);
        return type != null && typesByName.containsKey(type);
    }

    public static FraudEvent decode(Headers headers, byte[] value) {
        String type = EventCodec.typeOf(headers);
        Class<?> eventClass = type == null ? null : typesByName.get(type);
        if (eventClass == null) {
            throw new UndecodableEvent("not a fraud event type: " + type, null);
        }
        try {
            return (FraudEvent) json.readValue(value, eventClass);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableEvent("not a valid " + type + ": " + e.getMessage(), e);
        }
    }

    /**
     * Publishes the event keyed by its order id and returns once the broker has stored it. Its trace is the current
     * span's: the record being handled, the request of the reviewer, or the hold the timer was started in.
     */
    public static void publish(Producer<String, byte[]> producer, String topic, FraudEvent event) {
        byte[] value;
        try {
            value = json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + event + " as JSON", e);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.orderId(), value);
        record.headers().add(EventCodec.TYPE_HEADER, event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        record.headers().add(TraceParent.HEADER, TraceParent.current().header().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event.eventId() + ": " + e.getMessage(), e);
        }
    }
}
