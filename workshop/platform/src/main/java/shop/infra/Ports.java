package shop.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Port checks on loopback, where everything in the shop listens. */
public final class Ports {
    private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

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

    /**
     * A port that was free a moment ago, for servers that cannot bind port 0 themselves; never one this JVM was given
     * before, as the system may hand a port out again before the server that was meant to take it has bound it.
     */
    public static int pickFree() {
        for (int attempt = 1; ; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (handedOut.add(port) || attempt == 50) {
                    return port;
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port on loopback", e);
            }
        }
    }
}
