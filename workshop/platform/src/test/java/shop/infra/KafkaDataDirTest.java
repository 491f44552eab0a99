package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaDataDirTest {
    @TempDir
    Path temp;

    @Test
    void aBrokerRestartedOnTheSameDataDirectoryFindsItsTopicAndRecordsAndFreshWipesThem() throws Exception {
        Path data = temp.resolve("data");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Ports.pickFree(), KafkaDataDir.stable(data, false))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            Properties props = new Properties();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "v")).get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(data).as("a stable data directory outlives its broker").isDirectory();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(Ports.pickFree(), KafkaDataDir.stable(data, false))) {
            assertThat(endOffset(kafka, "kept")).as("records of the topic after a restart").isEqualTo(1);
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Ports.pickFree(), KafkaDataDir.stable(data, true))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).as("topics after --fresh").doesNotContain("kept");
            }
        }
    }

    @Test
    void aDataDirectoryInUseIsRefusedWithAMessageThatSaysWhatToDo() {
        try (KafkaDataDir first = KafkaDataDir.stable(temp.resolve("busy"), false)) {
            assertThatThrownBy(() -> KafkaDataDir.stable(temp.resolve("busy"), false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("in use by another shop").hasMessageContaining("--data");
        }
        KafkaDataDir.stable(temp.resolve("busy"), false).close(); // free again once closed
    }

    @Test
    void temporaryDirectoriesOfDeadRunsAreDeletedAndThoseOfLiveOrYoungRunsAreKept() throws Exception {
        Path dead = oldTempDir("shop-kafka-dead", "owner.lock");
        Path deadOldLayout = oldTempDir("shop-kafka-old-layout", ".lock");
        Path young = Files.createDirectory(temp.resolve("shop-kafka-young"));
        Path live = oldTempDir("shop-kafka-live", "owner.lock");
        Process holder = holdLock(live.resolve("owner.lock"));
        try {
            age(live);

            KafkaDataDir.deleteDeadTemporaries(temp);

            assertThat(dead).as("a run killed with kill -9 (its lock is free)").doesNotExist();
            assertThat(deadOldLayout).as("a dead run of an older shop (Kafka's own .lock is free)").doesNotExist();
            assertThat(young).as("a directory being created right now").exists();
            assertThat(live).as("a directory whose owner is alive").exists();
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        KafkaDataDir.deleteDeadTemporaries(temp);
        assertThat(live).as("the same directory once its owner was killed").doesNotExist();
    }

    @Test
    void aTemporaryDirectoryIsDeletedOnClose() {
        KafkaDataDir dir = KafkaDataDir.temporary();
        assertThat(dir.root().getFileName().toString()).startsWith(KafkaDataDir.TEMP_PREFIX);
        dir.close();
        assertThat(dir.root()).doesNotExist();
    }

    private Path oldTempDir(String name, String lockFile) throws Exception {
        Path dir = Files.createDirectory(temp.resolve(name));
        Files.writeString(dir.resolve(lockFile), "");
        return age(dir);
    }

    private static Path age(Path dir) throws Exception {
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        return dir;
    }

    /** Another process holding a lock on the file, as a running shop holds its data directory's. */
    private static Process holdLock(Path file) throws Exception {
        Path source = file.resolveSibling("Hold.java");
        Files.writeString(source, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                class Hold {
                    public static void main(String[] args) throws Exception {
                        var lock = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE).lock();
                        System.out.println("locked");
                        System.in.read();
                    }
                }
                """);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), file.toString()).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).as("the lock holder's first line").isEqualTo("locked");
        Files.delete(source);
        return process;
    }

    private static long endOffset(EmbeddedKafka kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .partitionResult(partition).get(30, TimeUnit.SECONDS).offset();
        }
    }
}
