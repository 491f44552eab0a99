package shop.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port checks on loopback, where everything in the shop listens. */
public final class Ports {
    private Ports() {}

    public static void requireFree(int port, String what, String option) {
        if (!isFree(port)) {
            throw new PortInUse(port, what, option);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago, for servers that cannot bind port 0 themselves. */
    public static int pickFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback", e);
        }
    }
}
