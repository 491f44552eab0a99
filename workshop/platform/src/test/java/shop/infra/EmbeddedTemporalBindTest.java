package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The embedded Temporal has no authentication: it must answer on loopback only, like the embedded Kafka. */
class EmbeddedTemporalBindTest {

    @Test
    void listensOnLoopbackAndNotOnTheMachinesNetworkAddress() throws Exception {
        int port = Ports.pickFree();
        try (EmbeddedTemporal temporal = EmbeddedTemporal.start(port)) {
            assertThat(temporal.target()).isEqualTo("127.0.0.1:" + port);
            assertThat(connects(InetAddress.getByName("127.0.0.1"), port)).as("open on 127.0.0.1:" + port).isTrue();

            Optional<InetAddress> network = nonLoopbackIpv4();
            Assumptions.assumeTrue(network.isPresent(),
                    "this machine has no non-loopback IPv4 address, so 'not reachable from the network' cannot be checked");
            assertThat(connects(network.get(), port))
                    .as("Temporal must not accept connections on %s:%d (every interface)", network.get().getHostAddress(), port)
                    .isFalse();
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
