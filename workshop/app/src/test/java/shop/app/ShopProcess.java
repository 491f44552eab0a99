package shop.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * {@code ./shop run} as a child JVM on the test's classpath, so a test can do to it what a user does to a real
 * shop: kill -9 it ({@link #kill}) and start it again on the same data directory.
 */
final class ShopProcess implements AutoCloseable {
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    final String baseUrl;
    final String kafka;

    private ShopProcess(Process process, Path log, int port, int kafkaPort) {
        this.process = process;
        this.log = log;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.kafka = "127.0.0.1:" + kafkaPort;
    }

    /** Starts {@code run ARGS...} and returns once /health answers; its output goes to {@code log}. */
    static ShopProcess start(Path log, int port, int kafkaPort, int temporalPort, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.log.shop.choreography.failures.AnsweredBeforeCrash=info", "-cp", System.getProperty("java.class.path"), ShopCli.class.getName(), "run",
                "--port", "" + port, "--kafka-port", "" + kafkaPort, "--temporal-port", "" + temporalPort,
                "--demo-orders", "0"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeAll(List.of("KAFKA_BOOTSTRAP_SERVERS", "TEMPORAL_ADDRESS",
                "OTEL_EXPORTER_OTLP_ENDPOINT"));
        ShopProcess shop = new ShopProcess(builder.start(), log, port, kafkaPort);
        Awaitility.await("the shop in a child JVM to answer /health").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .failFast("the shop's JVM exited; its output:\n" + shop.output(), () -> !shop.process.isAlive())
                .until(shop::healthy);
        return shop;
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the shop did not die within 30 s of kill -9");
        }
    }

    /** The last lines the shop printed, for failure messages. */
    String output() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** A normal stop (SIGTERM: the shutdown hook closes the shop). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
