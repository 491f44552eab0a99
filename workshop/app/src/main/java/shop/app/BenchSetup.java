package shop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import shop.flow.Parallelism;

/** What the figures were measured on, printed next to them: servers, machine, JDK and settings. */
record BenchSetup(String kafka, String temporal, int cores, String jdk, String loadAverage, Parallelism parallelism,
                  String runSettings) {

    static BenchSetup of(Map<String, String> env, String kafka, String temporal, Parallelism parallelism,
                         String runSettings) {
        String kafkaLabel = external(env, "KAFKA_BOOTSTRAP_SERVERS")
                ? "external Kafka at " + kafka + " (KAFKA_BOOTSTRAP_SERVERS)"
                : "embedded Kafka at " + kafka + " (one KRaft broker in this JVM)";
        String temporalLabel = external(env, "TEMPORAL_ADDRESS")
                ? "external Temporal at " + temporal + " (TEMPORAL_ADDRESS)"
                : "embedded Temporal at " + temporal + ": the SDK's test server, in memory, not the production server";
        return new BenchSetup(kafkaLabel, temporalLabel, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(), currentLoadAverage(), parallelism, runSettings);
    }

    List<String> lines() {
        return List.of("Kafka:    " + kafka, "Temporal: " + temporal,
                "machine:  " + cores + " cores, " + jdk + ", load average " + loadAverage,
                "settings: " + runSettings + "; " + parallelism.describe());
    }

    private static boolean external(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    /** The 1, 5 and 15 minute load averages where the OS tells them (Linux), "unknown" elsewhere. */
    static String currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
