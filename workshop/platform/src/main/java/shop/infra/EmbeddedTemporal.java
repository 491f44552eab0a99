package shop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;

/**
 * The Temporal Java SDK's test server: a real gRPC frontend with in-memory state, on a fixed port of 127.0.0.1,
 * where the embedded Kafka listens too. It has no authentication, so it must not be reachable from the network:
 * {@code TestServer.createPortBoundServer} would bind every interface, so the gRPC server is built here the same
 * way, on a loopback address. It has no web UI; use the docker compose stack in infra/ for that.
 */
public final class EmbeddedTemporal implements AutoCloseable {
    public static final String HOST = "127.0.0.1";

    private final int port;
    private final TestServicesStarter services;
    private final Server server;

    private EmbeddedTemporal(int port, TestServicesStarter services, Server server) {
        this.port = port;
        this.services = services;
        this.server = server;
    }

    public static EmbeddedTemporal start(int port) {
        Ports.requireFree(port, "Temporal", "--temporal-port or TEMPORAL_PORT");
        // true locks time skipping: time runs normally, so timers, timeouts and retry backoffs take real time
        // (with false the server jumps its clock forward whenever it looks idle, years at a time)
        TestServicesStarter services = new TestServicesStarter(true, 0);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(HOST, port),
                InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
        try {
            return new EmbeddedTemporal(port, services, builder.build().start());
        } catch (IOException e) {
            services.close();
            if (!Ports.isFree(port)) {
                throw new PortInUse(port, "Temporal", "--temporal-port or TEMPORAL_PORT");
            }
            throw new UncheckedIOException("could not start the embedded Temporal on " + HOST + ":" + port, e);
        }
    }

    public String target() {
        return HOST + ":" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.close();
        server.shutdownNow();
    }
}
