package shop.choreography.failures;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import shop.choreography.events.OrderEvent;
import shop.choreography.events.PoisonEvent;
import shop.choreography.handlers.RecordProcessor;
import shop.lab.Todo;

/**
 * A poison record (one no retry will fix: it cannot be decoded, or its amount is not the catalogue's) is copied to the
 * dead-letter topic with headers that say where it came from and what was wrong, and the consumer moves on: it never
 * stops or loops on it.
 */
public final class DeadLetters implements RecordProcessor {
    public static final String SOURCE_TOPIC = "dlt-source-topic";
    public static final String SOURCE_PARTITION = "dlt-source-partition";
    public static final String SOURCE_OFFSET = "dlt-source-offset";
    public static final String ERROR = "dlt-error";
    public static final String GROUP = "dlt-consumer-group";

    private final RecordProcessor processor;
    private final Producer<String, byte[]> producer;
    private final String deadLetterTopic;
    private final String group;

    public DeadLetters(RecordProcessor processor, Producer<String, byte[]> producer, String deadLetterTopic, String group) {
        this.processor = processor;
        this.producer = producer;
        this.deadLetterTopic = deadLetterTopic;
        this.group = group;
    }

    @Override
    public List<OrderEvent> process(ConsumerRecord<String, byte[]> record) {
        try {
            return processor.process(record);
        } catch (PoisonEvent poison) {
            deadLetter(record, poison);
            return List.of();
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        // TODO 6: `letter` is the poison record as it came (its key, value and headers), addressed to
        //   deadLetterTopic, plus the five dlt-* headers above: where it came from, what was wrong (the error's
        //   message), and which group gave up on it. The lines below send it and wait for the broker; the loop
        //   commits the offset once this returns.
        ProducerRecord<String, byte[]> letter =
                Todo.value(6, "dead-letter the poison record, saying where it came from (DeadLetters.java)");
        // end TODO 6
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + deadLetterTopic + ": " + e.getMessage(), e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
