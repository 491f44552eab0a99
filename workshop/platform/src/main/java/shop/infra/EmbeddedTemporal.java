package shop.infra;

import io.temporal.testserver.TestServer;

/**
 * The Temporal Java SDK's test server: a real gRPC frontend with in-memory state, bound to a fixed port.
 * It has no web UI; use the docker compose stack in infra/ for that.
 */
public final class EmbeddedTemporal implements AutoCloseable {
    private final int port;
    private final TestServer.PortBoundTestServer server;

    private EmbeddedTemporal(int port, TestServer.PortBoundTestServer server) {
        this.port = port;
        this.server = server;
    }

    public static EmbeddedTemporal start(int port) {
        Ports.requireFree(port, "Temporal", "--temporal-port or TEMPORAL_PORT");
        // true locks time skipping: time runs normally, so timers, timeouts and retry backoffs take real time
        // (with false the server jumps its clock forward whenever it looks idle, years at a time)
        return new EmbeddedTemporal(port, TestServer.createPortBoundServer(port, true));
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }
}
