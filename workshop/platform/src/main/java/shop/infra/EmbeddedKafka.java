package shop.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft: broker and controller in one) running inside this JVM, on a fixed port.
 * Its log lives in a {@link KafkaDataDir}: a temporary one deleted on close, or a stable one that a restarted
 * broker reads again, so that events and consumer offsets survive a crash of the shop.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final int port;
    private final KafkaDataDir dataDir;
    private final KafkaRaftServer server;

    private EmbeddedKafka(int port, KafkaDataDir dataDir, KafkaRaftServer server) {
        this.port = port;
        this.dataDir = dataDir;
        this.server = server;
    }

    /** Starts a broker on 127.0.0.1:port with a temporary log, and waits until it answers. */
    public static EmbeddedKafka start(int port) {
        Ports.requireFree(port, "Kafka", "--kafka-port or KAFKA_PORT");
        return start(port, KafkaDataDir.temporary());
    }

    /** Starts a broker on 127.0.0.1:port on this data directory (formatted on first use), and waits until it answers. */
    public static EmbeddedKafka start(int port, KafkaDataDir dataDir) {
        try {
            Ports.requireFree(port, "Kafka", "--kafka-port or KAFKA_PORT");
            int controllerPort = Ports.pickFree();
            while (controllerPort == port) { // the port was free when picked, so the system may hand it out again
                controllerPort = Ports.pickFree();
            }
            Path log = dataDir.log();
            boolean restart = dataDir.isFormatted();
            if (!restart) {
                format(log);
            }
            Properties props = brokerProperties(port, controllerPort, log);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                throw restart ? new IllegalStateException("Kafka could not start on the log in " + log + " ("
                        + e.getMessage() + "); ./shop run --fresh starts over with an empty log", e) : e;
            }
            EmbeddedKafka kafka = new EmbeddedKafka(port, dataDir, server);
            try {
                kafka.awaitReady(Duration.ofSeconds(60));
            } catch (RuntimeException e) {
                server.shutdown();
                server.awaitShutdown();
                throw e;
            }
            return kafka;
        } catch (RuntimeException e) {
            dataDir.close();
            throw e;
        }
    }

    /** Where the log is, e.g. to tell the user what survives a restart. */
    public KafkaDataDir dataDir() {
        return dataDir;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private static Properties brokerProperties(int port, int controllerPort, Path dataDir) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dataDir.toString()),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        return props;
    }

    private static void format(Path dataDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers(), e);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            dataDir.close();
        }
    }
}
