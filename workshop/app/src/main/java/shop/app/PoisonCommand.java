package shop.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shop.app.OrderEventsLog.GroupPosition;
import shop.choreography.events.EventCodec;
import shop.choreography.failures.AnsweredBeforeCrash;
import shop.choreography.failures.DeadLetters;

@Command(name = "poison", mixinStandardHelpOptions = true,
        description = {"Send the running shop's choreography a record no service can read (a poison record), and watch",
                "each consumer group dead-letter it and go on. With --duplicate ORDER_ID, publish that order's",
                "\"order placed\" again, as a redelivery would, and see whether any service answers it twice.",
                "Exit code 1 when a group did not dead-letter the poison, or a service answered the duplicate."})
final class PoisonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kafka", defaultValue = "localhost:9092", paramLabel = "HOST:PORT",
            description = "the shop's Kafka, as ./shop run prints it (default ${DEFAULT-VALUE})")
    String kafka;

    @Option(names = "--duplicate", paramLabel = "ORDER_ID", description = "publish this choreography order's \"order placed\" again")
    String duplicate;

    @Option(names = "--wait", defaultValue = "20s", converter = DurationConverter.class,
            description = "how long to watch the services react (default ${DEFAULT-VALUE})")
    Duration wait;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (OrderEventsLog log = new OrderEventsLog(kafka)) {
            return duplicate == null ? poison(log, out) : duplicate(log, out);
        }
    }

    private int poison(OrderEventsLog log, PrintWriter out) throws Exception {
        TopicPartition letters = new TopicPartition(log.deadLetters(), 0);
        long lettersFrom = log.end(letters);
        ProducerRecord<String, byte[]> poison = PoisonRecord.to(log.events());
        RecordMetadata sent = log.publish(poison);
        TopicPartition where = new TopicPartition(sent.topic(), sent.partition());
        out.printf("Published a poison record to %s partition %d offset %d: key %s, type OrderPlaced, a value that is not JSON.%n",
                sent.topic(), sent.partition(), sent.offset(), poison.key());
        out.printf("Watching %s for up to %d s: each consumer group of %s should dead-letter it once, and go on.%n",
                log.deadLetters(), wait.toSeconds(), log.events());

        Map<String, ConsumerRecord<String, byte[]>> byGroup = new TreeMap<>();
        List<GroupPosition> groups = List.of();
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            Thread.sleep(500);
            for (ConsumerRecord<String, byte[]> letter : log.read(letters, lettersFrom, letter -> isLetterOf(letter, sent))) {
                byGroup.putIfAbsent(OrderEventsLog.header(letter, DeadLetters.GROUP).orElse("(no group)"), letter);
            }
            groups = log.readers(where);
        } while (!everyGroupWentOn(groups, byGroup, sent) && System.nanoTime() < deadline);

        if (groups.isEmpty() && byGroup.isEmpty()) {
            out.println("No consumer group reads " + log.events() + " yet: place an order first, then try again.");
            return 1;
        }
        int missing = 0;
        for (GroupPosition group : groups) {
            ConsumerRecord<String, byte[]> letter = byGroup.remove(group.group());
            String went = group.next() > sent.offset() ? "committed past it, went on" : "not committed past it yet";
            if (letter != null) {
                out.printf("  %-12s dead letter at %s offset %d, %s (%s)%n", group.group(), log.deadLetters(), letter.offset(),
                        went, shorten(OrderEventsLog.header(letter, DeadLetters.ERROR).orElse("no dlt-error header")));
            } else {
                missing++;
                out.printf("  %-12s no dead letter%s%n", group.group(), group.running()
                        ? " (is lab 04's TODO 6 done in the code the shop runs?)"
                        : ": no consumer of this group runs now; it will dead-letter the record when one starts");
            }
        }
        byGroup.forEach((group, letter) -> out.printf("  %-12s dead letter at %s offset %d%n", group, log.deadLetters(), letter.offset()));
        out.printf("%d of %d consumer groups dead-lettered the poison record: one dead letter per group, since each group reads"
                + " every record.%n", groups.size() - missing, groups.size());
        return missing == 0 ? 0 : 1;
    }

    private static boolean isLetterOf(ConsumerRecord<String, byte[]> letter, RecordMetadata sent) {
        return OrderEventsLog.header(letter, DeadLetters.SOURCE_TOPIC).orElse("").equals(sent.topic())
                && OrderEventsLog.header(letter, DeadLetters.SOURCE_PARTITION).orElse("").equals(String.valueOf(sent.partition()))
                && OrderEventsLog.header(letter, DeadLetters.SOURCE_OFFSET).orElse("").equals(String.valueOf(sent.offset()));
    }

    private static boolean everyGroupWentOn(List<GroupPosition> groups, Map<String, ?> letters, RecordMetadata sent) {
        return !groups.isEmpty() && groups.stream().allMatch(group -> letters.containsKey(group.group()) && group.next() > sent.offset());
    }

    private int duplicate(OrderEventsLog log, PrintWriter out) throws Exception {
        ConsumerRecord<String, byte[]> placed = null;
        for (TopicPartition partition : log.partitions()) {
            List<ConsumerRecord<String, byte[]>> found = log.read(partition, 0, record -> duplicate.equals(record.key())
                    && "OrderPlaced".equals(OrderEventsLog.header(record, EventCodec.TYPE_HEADER).orElse("")));
            if (!found.isEmpty()) {
                placed = found.get(0);
                break;
            }
        }
        if (placed == null) {
            throw new IllegalArgumentException("no \"order placed\" for order " + duplicate + " on " + log.events() + " at " + kafka
                    + " (give the id of a choreography order, as POST /orders returned it)");
        }
        TopicPartition where = new TopicPartition(placed.topic(), placed.partition());
        out.printf("Order %s: \"order placed\" is at %s partition %d offset %d; its records: %s%n", duplicate, placed.topic(),
                placed.partition(), placed.offset(), countTypes(log, where));

        ProducerRecord<String, byte[]> again = new ProducerRecord<>(placed.topic(), placed.partition(), placed.key(), placed.value());
        placed.headers().forEach(header -> again.headers().add(header));
        RecordMetadata sent = log.publish(again);
        out.printf("Published it again at offset %d: the same key, value and headers, as a redelivery would bring it.%n", sent.offset());

        long deadline = System.nanoTime() + wait.toNanos();
        List<GroupPosition> behind;
        do {
            Thread.sleep(500);
            long end = log.end(where);
            behind = log.readers(where).stream().filter(group -> group.next() < end).toList();
        } while (!behind.isEmpty() && System.nanoTime() < deadline);

        String mark = "|" + placed.topic() + "|" + placed.partition() + "|" + sent.offset();
        List<String> answers = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : log.read(where, sent.offset() + 1,
                record -> OrderEventsLog.header(record, AnsweredBeforeCrash.HEADER).orElse("").endsWith(mark))) {
            String group = OrderEventsLog.header(record, AnsweredBeforeCrash.HEADER).orElseThrow().split("\\|")[0];
            answers.add(group + " answered " + OrderEventsLog.header(record, EventCodec.TYPE_HEADER).orElse("?"));
        }
        out.printf("Its records now: %s%n", countTypes(log, where));
        for (GroupPosition group : behind) {
            out.printf("  %-12s has not read it yet%s%n", group.group(), group.running() ? "" : " (no consumer of this group runs now)");
        }
        if (answers.isEmpty()) {
            out.println("No service answered the duplicate: each group read it and skipped it (lab 04's SkipDuplicates).");
            return 0;
        }
        out.println("The duplicate was answered: " + String.join(", ", answers) + ". The idempotency key (lab 03) keeps it to"
                + " one charge, but every step after it runs again: is lab 04's TODO 2 done in the code the shop runs?");
        return 1;
    }

    /** "OrderPlaced 2, PaymentCharged 1, ...": the order's records on its partition, by type, in the order they came. */
    private String countTypes(OrderEventsLog log, TopicPartition where) throws Exception {
        Map<String, Long> counts = log.read(where, 0, record -> duplicate.equals(record.key())).stream()
                .collect(Collectors.groupingBy(record -> OrderEventsLog.header(record, EventCodec.TYPE_HEADER).orElse("(no type)"),
                        LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(count -> count.getKey() + " " + count.getValue()).collect(Collectors.joining(", "));
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 90 ? line : line.substring(0, 87) + "...";
    }
}
