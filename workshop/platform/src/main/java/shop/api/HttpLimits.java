package shop.api;

import java.time.Duration;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What one client can hold of the shop's HTTP server, so slow or hostile clients cannot stall it:
 * <ul>
 *   <li>bodies are read before dispatch without a thread ({@link BodyFirstHandler}), so a stalled upload
 *       holds a connection, not one of the {@value #MAX_THREADS} worker threads;</li>
 *   <li>a connection idle for {@link #IDLE_TIMEOUT} (partial headers, a stalled body, an idle keep-alive)
 *       is closed, within {@link #IDLE_TIMEOUT_AT_LIMIT} once {@value #MAX_CONNECTIONS} connections are open;</li>
 *   <li>request line and headers: {@value #MAX_HEADER_BYTES} bytes; body: {@value #MAX_BODY_BYTES} bytes.</li>
 * </ul>
 * Jetty's own rejections are answered in JSON ({@link JsonErrorHandler}).
 */
final class HttpLimits {
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int MAX_CONNECTIONS = 1_000;
    static final int MAX_THREADS = 200;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration IDLE_TIMEOUT_AT_LIMIT = Duration.ofSeconds(1);

    private HttpLimits() {}

    static void apply(JavalinConfig config, String host, int port) {
        config.http.maxRequestSize = MAX_BODY_BYTES;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
        threads.setName("shop-http");
        config.jetty.threadPool = threads;
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            server.insertHandler(new BodyFirstHandler(MAX_BODY_BYTES));
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            NetworkConnectionLimit limit = new NetworkConnectionLimit(MAX_CONNECTIONS, connector);
            limit.setEndPointIdleTimeout(IDLE_TIMEOUT_AT_LIMIT.toMillis());
            connector.addBean(limit);
            return connector;
        });
    }
}
