package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import shop.infra.Ports;

class ShopCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ShopCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void runOnceStartsTheEmbeddedStackCompletesDemoOrdersAndStopsCleanly() {
        int port = Ports.pickFree();
        int kafkaPort = Ports.pickFree();
        int temporalPort = Ports.pickFree();

        int exit = run("run", "--once", "--port", "" + port, "--kafka-port", "" + kafkaPort,
                "--temporal-port", "" + temporalPort);

        assertThat(exit).as("exit code; stderr: " + err).isZero();
        assertThat(out.toString())
                .contains("starting embedded Kafka (KRaft) on 127.0.0.1:" + kafkaPort)
                .contains("starting embedded Temporal test server on 127.0.0.1:" + temporalPort)
                .contains("COMPLETED")
                .contains("first demo order completed after")
                .contains("http://127.0.0.1:" + port + "/metrics")
                .contains("Stopped.");
        assertThat(Ports.isFree(port) && Ports.isFree(kafkaPort) && Ports.isFree(temporalPort))
                .as("every port is released after the shop stops").isTrue();
    }

    @Test
    void aPortInUseIsAOneLineErrorNamingThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("run", "--once", "--kafka-port", "" + taken.getLocalPort(),
                    "--port", "" + Ports.pickFree(), "--temporal-port", "" + Ports.pickFree());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip()).doesNotContain("\n")
                    .contains("port " + taken.getLocalPort()).contains("--kafka-port");
        }
    }

    @Test
    void anUnknownFlowIsNamedWithTheOnesAvailable() {
        int exit = run("run", "--once", "--impl", "carrier-pigeon");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown --impl \"carrier-pigeon\"").contains("direct");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("--help")).isZero();
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).contains("--kafka-port").contains("--impl").contains("--service");
    }
}
