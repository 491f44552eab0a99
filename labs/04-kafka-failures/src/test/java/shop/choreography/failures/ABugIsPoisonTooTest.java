package shop.choreography.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.domain.TransientFailure;
import shop.testkit.SharedKafka;
import shop.testkit.Topics;

/**
 * Going further (not part of the check): a record that makes the handler throw a bug's exception (neither a
 * transient failure nor a business answer) fails the same way on every delivery, like a poison record. Today the loop
 * rewinds and tries it again forever, and its partition stops. Dead-letter it instead; a transient failure must still
 * be thrown, so that the record is tried again.
 */
@ExtendWith(SharedKafka.class)
class ABugIsPoisonTooTest {
    private final EventTopics topics = new EventTopics("lab04-bug-" + UUID.randomUUID() + ".");

    @Test
    @Tag("stretch")
    void stretch_aRecordThatMakesTheHandlerThrowABugIsDeadLetteredNotRetriedForever() {
        topics.create(SharedKafka.bootstrapServers());
        try (EventPublisher publisher = new EventPublisher(SharedKafka.bootstrapServers(), topics)) {
            DeadLetters buggy = new DeadLetters(record -> {
                throw new IllegalStateException("bug: no price for a line of " + record.key());
            }, publisher.producer(), topics.deadLetters(), "payment");
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topics.events(), 1, 42, "order-bug", new byte[0]);

            List<?> answers;
            try {
                answers = buggy.process(record);
            } catch (IllegalStateException stillThrown) {
                throw new AssertionError("stretch: DeadLetters let the bug's exception through, so the loop would try the"
                        + " record again forever: " + stillThrown.getMessage(), stillThrown);
            }

            assertThat(answers).as("stretch: no answer for the record").isEmpty();
            List<ConsumerRecord<String, String>> letters = Topics.read(SharedKafka.bootstrapServers(), topics.deadLetters(),
                    1, Duration.ofSeconds(10));
            assertThat(letters).as("stretch: the record is on " + topics.deadLetters()).hasSize(1);
            assertThat(header(letters.get(0), DeadLetters.ERROR)).as("stretch: and the dead letter says what went wrong")
                    .contains("bug: no price");

            DeadLetters flaky = new DeadLetters(flakyRecord -> {
                throw new TransientFailure("payment provider down for a moment");
            }, publisher.producer(), topics.deadLetters(), "payment");
            try {
                flaky.process(record);
                throw new AssertionError("stretch: a transient failure was dead-lettered; it must be thrown, to be tried again");
            } catch (TransientFailure expected) {
                // the loop rewinds and the record comes again
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
