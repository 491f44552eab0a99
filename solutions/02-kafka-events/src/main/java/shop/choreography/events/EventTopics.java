package shop.choreography.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The flow's topics. One topic holds every event of every order, keyed by order id: an order's whole story is
 * one ordered log on one partition, so the order service sees "stock reserved" after "payment charged", always.
 * Poison records go to the dead-letter topic. A prefix keeps flows that share a broker apart (tests do).
 */
public record EventTopics(String prefix) {
    public static final int PARTITIONS = 3;

    public String events() {
        return prefix + "order-events";
    }

    public String deadLetters() {
        return prefix + "order-events.dead-letters";
    }

    /** The consumer group of one service, e.g. "payment". */
    public String group(String service) {
        return prefix + service;
    }

    /** Creates the topics (explicitly: the broker's auto-creation stays off); topics that exist are kept. */
    public void create(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : List.of(
                    new NewTopic(events(), PARTITIONS, (short) 1),
                    new NewTopic(deadLetters(), 1, (short) 1).configs(Map.of("retention.ms", "604800000")))) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic.name() + " on "
                                + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
