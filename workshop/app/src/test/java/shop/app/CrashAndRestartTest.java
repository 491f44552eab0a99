package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.infra.Ports;
import shop.json.Json;

/**
 * kill -9 in the middle of the choreography, then a restart on the same data directory: every order the shop
 * acknowledged (201) reaches a final state, and no order is charged twice (at most one PaymentCharged on the topic).
 */
class CrashAndRestartTest {
    private static final List<String> SKUS = List.of("BOOK-1", "MUG-1", "TEE-1", "LAMP-1", "DESK-1");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    @Test
    void everyAcknowledgedOrderEndsAfterKillDashNineAndARestartAndNoneIsChargedTwice() throws Exception {
        int port = Ports.pickFree(), kafkaPort = Ports.pickFree(), temporalPort = Ports.pickFree();
        Path log = data.resolve("shop.log");
        String[] run = {"--impl", "choreography", "--data", data.toString()};
        Map<String, String> atKill;
        long t0 = System.nanoTime();
        try (ShopProcess first = ShopProcess.start(log, port, kafkaPort, temporalPort, run)) {
            send(first, "PUT", "/faults", "{\"services\":{\"PAYMENT\":{\"latencyMs\":150}}}");
            AtomicBoolean stop = new AtomicBoolean();
            Thread placer = new Thread(() -> placeUntilStopped(first, stop), "placer");
            placer.start();
            Awaitility.await("some orders completed and some still in the flow, to kill the shop mid-flow")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> statuses(first), seen -> count(seen, "COMPLETED") >= 3 && count(seen, "PENDING") >= 5);
            atKill = statuses(first);
            System.out.printf("crash test: started and killed after %.1f s%n", (System.nanoTime() - t0) / 1e9);
            first.kill();
            stop.set(true);
            placer.join(10_000);
        }

        long t1 = System.nanoTime();
        try (ShopProcess second = ShopProcess.start(log, port, kafkaPort, temporalPort, run)) {
            System.out.printf("crash test: restarted in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            Awaitility.await("every acknowledged order final after the restart").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> statuses(second), seen -> count(seen, "COMPLETED") + count(seen, "REJECTED") == acknowledged.size());
            System.out.printf("crash test: every order final %.1f s after the restart began%n", (System.nanoTime() - t1) / 1e9);
            List<ConsumerRecord<String, byte[]>> topic = readTopic(second.kafka);
            Map<String, Integer> charges = count(topic, "PaymentCharged");
            Map<String, Integer> placed = count(topic, "OrderPlaced");
            Map<String, Integer> twice = new HashMap<>(charges);
            twice.values().removeIf(times -> times < 2);
            Set<String> lost = ConcurrentHashMap.newKeySet();
            acknowledged.stream().filter(id -> !placed.containsKey(id)).forEach(lost::add);

            long skipped = Files.readAllLines(log).stream().filter(line -> line.contains("skipping")).count();
            System.out.printf("crash test: %d orders sent, %d acknowledged (shortly before the kill: %d final, %d pending), "
                            + "%d lost after kill -9 and restart, %d charged twice, %d charged once, "
                            + "%d records answered before the kill skipped after it%n",
                    sent.size(), acknowledged.size(), atKill.size() - count(atKill, "PENDING"), count(atKill, "PENDING"),
                    lost.size(), twice.size(), charges.size() - twice.size(), skipped);
            assertThat(count(atKill, "PENDING")).as("orders in the middle of the flow when the shop was killed").isPositive();
            assertThat(lost).as("acknowledged orders missing from the topic").isEmpty();
            assertThat(twice).as("orders with more than one PaymentCharged:\n" + describe(topic, twice.keySet())
                    + "\nthe shop's log:\n" + second.output()).isEmpty();
            assertThat(charges.keySet()).as("every completed order was charged").containsAll(
                    statuses(second).entrySet().stream().filter(e -> e.getValue().equals("COMPLETED")).map(Map.Entry::getKey).toList());
        }
    }

    /** Places one order every 20 ms, up to 150, until stopped or the shop stops answering. */
    private void placeUntilStopped(ShopProcess shop, AtomicBoolean stop) {
        for (int i = 0; i < 150 && !stop.get(); i++) {
            String id = "crash-" + i + "-" + UUID.randomUUID();
            sent.add(id);
            try {
                int status = send(shop, "POST", "/orders", "{\"id\":\"" + id + "\",\"impl\":\"choreography\","
                        + "\"customer\":\"crash\",\"lines\":[{\"sku\":\"" + SKUS.get(i % SKUS.size()) + "\",\"quantity\":1}]}");
                if (status == 201) {
                    acknowledged.add(id);
                }
                Thread.sleep(20);
            } catch (IOException killed) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The status of every acknowledged order that the shop knows, by id. */
    private Map<String, String> statuses(ShopProcess shop) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        for (String id : acknowledged) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(shop.baseUrl + "/orders/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode view = Json.mapper().readTree(response.body());
                statuses.put(id, view.get("status").asText());
            }
        }
        return statuses;
    }

    private static long count(Map<String, String> statuses, String status) {
        return statuses.values().stream().filter(status::equals).count();
    }

    private static int send(ShopProcess shop, String method, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(shop.baseUrl + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Every record of the choreography's topic, from the beginning to its end now. */
    private static List<ConsumerRecord<String, byte[]>> readTopic(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("order-events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The records of these orders, one line each: where, what type, and which record it answers. */
    private static String describe(List<ConsumerRecord<String, byte[]>> records, Set<String> orders) {
        StringBuilder lines = new StringBuilder();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (orders.contains(record.key())) {
                lines.append(record.key()).append(" ").append(record.partition()).append("@").append(record.offset())
                        .append(" ").append(header(record, "event-type")).append(" answers ")
                        .append(header(record, "answer-to")).append("\n");
            }
        }
        return lines.toString();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** How many records of this event type each order has. */
    private static Map<String, Integer> count(List<ConsumerRecord<String, byte[]>> records, String type) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (type.equals(header(record, "event-type"))) {
                counts.merge(record.key(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
