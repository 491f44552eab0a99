package shop.infra;

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

    /** Starts what is not given in {@code env}; {@code progress} hears one line per server. */
    public static Infrastructure start(Map<String, String> env, int kafkaPort, int temporalPort,
                                       Consumer<String> progress) {
        EmbeddedKafka kafka = null;
        String bootstrap = blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"));
        if (bootstrap == null) {
            progress.accept("starting embedded Kafka (KRaft) on 127.0.0.1:" + kafkaPort);
            kafka = EmbeddedKafka.start(kafkaPort);
            bootstrap = kafka.bootstrapServers();
        } else {
            progress.accept("using Kafka at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)");
        }
        EmbeddedTemporal temporal = null;
        String target = blankToNull(env.get("TEMPORAL_ADDRESS"));
        try {
            if (target == null) {
                progress.accept("starting embedded Temporal test server on 127.0.0.1:" + temporalPort);
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
