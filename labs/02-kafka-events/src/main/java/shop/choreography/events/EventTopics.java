package shop.choreography.events;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import shop.infra.KafkaTopics;
import shop.lab.Todo;

/**
 * The flow's topics. One topic holds every event of every order, keyed by order id: an order's whole story is
 * one ordered log on one partition, so the order service sees "stock reserved" after "payment charged", always.
 * Poison records go to the dead-letter topic. A prefix keeps flows that share a broker apart (tests do).
 */
public record EventTopics(String prefix) {
    /**
     * A consumer group reads a partition with one consumer at a time, so this caps a service's parallelism. 12 leaves
     * headroom: a 300 ms step at 20 orders/s needs 6 consumers (lab 10); partitions can be added later, not removed.
     */
    public static final int PARTITIONS = 12;

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
        // TODO 3: the flow's two topics (NewTopic): events() with PARTITIONS partitions, and deadLetters() with one,
        //   whose records are kept for a week (a topic config). One broker here, so one replica each.
        List<NewTopic> wanted = Todo.value(3, "say which topics to create, with how many partitions");
        // end TODO 3
        KafkaTopics.create(bootstrapServers, wanted);
    }
}
