package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.infra.Ports;

class ShopCliTest {
    private final Cli cli = new Cli();

    @TempDir
    Path data;

    @Test
    void runOnceStartsTheEmbeddedStackCompletesDemoOrdersAndStopsCleanly() {
        int port = Ports.pickFree();
        int kafkaPort = Ports.pickFree();
        int temporalPort = Ports.pickFree();

        int exit = cli.run("run", "--once", "--port", "" + port, "--kafka-port", "" + kafkaPort,
                "--temporal-port", "" + temporalPort, "--data", data.toString());

        assertThat(exit).as("exit code; stderr: " + cli.err).isZero();
        assertThat(cli.out.toString())
                .contains("starting embedded Kafka (KRaft) on 127.0.0.1:" + kafkaPort)
                .contains("starting embedded Temporal test server on 127.0.0.1:" + temporalPort)
                .contains("COMPLETED")
                .contains("first demo order completed after")
                .contains("http://127.0.0.1:" + port + "/metrics")
                .contains("Stopped.")
                .contains("Kafka log in " + data.resolve("kafka").toAbsolutePath() + ": choreography orders survive a crash")
                .contains("Temporal test server keeps its state in memory only");
        assertThat(Ports.isFree(port) && Ports.isFree(kafkaPort) && Ports.isFree(temporalPort))
                .as("every port is released after the shop stops").isTrue();
    }

    @Test
    void aPortInUseIsAOneLineErrorNamingThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = cli.run("run", "--once", "--kafka-port", "" + taken.getLocalPort(),
                    "--port", "" + Ports.pickFree(), "--temporal-port", "" + Ports.pickFree(), "--data", data.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(cli.err.toString().strip()).doesNotContain("\n")
                    .contains("port " + taken.getLocalPort()).contains("--kafka-port");
        }
    }

    @Test
    void anUnknownFlowIsNamedWithTheOnesAvailable() {
        int exit = cli.run("run", "--once", "--impl", "carrier-pigeon");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).contains("unknown --impl \"carrier-pigeon\"").contains("direct");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.run("run", "--help")).isZero();
        assertThat(cli.out.toString()).contains("--kafka-port").contains("--impl").contains("--service")
                .contains("--data").contains("--fresh");
    }
}
