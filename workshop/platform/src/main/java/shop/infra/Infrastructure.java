package shop.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Kafka and Temporal for the shop: embedded by default, or external when {@code KAFKA_BOOTSTRAP_SERVERS}
 * or {@code TEMPORAL_ADDRESS} is set (how the docker compose stack in infra/ is used).
 */
public final class Infrastructure implements AutoCloseable {
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_TEMPORAL_PORT = 7233;

    private final EmbeddedKafka kafka;
    private final EmbeddedTemporal temporal;
    private final String kafkaBootstrapServers;
    private final String temporalTarget;

    private Infrastructure(EmbeddedKafka kafka, EmbeddedTemporal temporal, String kafkaBootstrapServers,
                           String temporalTarget) {
        this.kafka = kafka;
        this.temporal = temporal;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.temporalTarget = temporalTarget;
    }

    /** Starts what is not given in {@code env}, an embedded Kafka with a temporary log; {@code progress} hears one line per server. */
    public static Infrastructure start(Map<String, String> env, int kafkaPort, int temporalPort,
                                       Consumer<String> progress) {
        return start(env, kafkaPort, temporalPort, null, false, progress);
    }

    /**
     * @param kafkaData where an embedded Kafka keeps its log across restarts (null: a temporary directory)
     * @param fresh     wipe that log first
     */
    public static Infrastructure start(Map<String, String> env, int kafkaPort, int temporalPort, Path kafkaData,
                                       boolean fresh, Consumer<String> progress) {
        EmbeddedKafka kafka = null;
        String bootstrap = blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"));
        if (bootstrap == null) {
            Ports.requireFree(kafkaPort, "Kafka", "--kafka-port or KAFKA_PORT");
            KafkaDataDir data = kafkaData == null ? KafkaDataDir.temporary() : KafkaDataDir.stable(kafkaData, fresh);
            progress.accept("starting embedded Kafka (KRaft) on 127.0.0.1:" + kafkaPort + ", its log in " + data.root()
                    + (data.isTemporary() ? " (deleted on stop)" : fresh ? " (wiped: --fresh)" : ""));
            kafka = EmbeddedKafka.start(kafkaPort, data);
            bootstrap = kafka.bootstrapServers();
        } else {
            progress.accept("using Kafka at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)");
        }
        EmbeddedTemporal temporal = null;
        String target = blankToNull(env.get("TEMPORAL_ADDRESS"));
        try {
            if (target == null) {
                progress.accept("starting embedded Temporal test server on 127.0.0.1:" + temporalPort
                        + " (state in memory only)");
                temporal = EmbeddedTemporal.start(temporalPort);
                target = temporal.target();
            } else {
                progress.accept("using Temporal at " + target + " (TEMPORAL_ADDRESS)");
            }
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            throw e;
        }
        return new Infrastructure(kafka, temporal, bootstrap, target);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String temporalTarget() {
        return temporalTarget;
    }

    /** What a crash or restart of the shop keeps, one line per server, for the banner. */
    public List<String> whatSurvivesARestart() {
        String kafkaLine = kafka == null
                ? "Kafka " + kafkaBootstrapServers + " is yours: its events and offsets live as long as that server keeps them"
                : kafka.dataDir().isTemporary()
                ? "Kafka log in a temporary directory: deleted on stop, so no order survives a restart"
                : "Kafka log in " + kafka.dataDir().root() + ": choreography orders survive a crash and a restart "
                        + "(--fresh wipes it)";
        String temporalLine = temporal == null
                ? "Temporal " + temporalTarget + " is yours: workflows live as long as that server keeps them"
                : "Temporal test server keeps its state in memory only: a restart forgets every orchestration order";
        return List.of(kafkaLine, temporalLine);
    }

    @Override
    public void close() {
        if (temporal != null) {
            temporal.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
