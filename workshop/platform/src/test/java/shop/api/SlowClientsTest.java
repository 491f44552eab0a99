package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.observe.Observability;

/** 300 clients that stop halfway through a request must not keep /health (or anyone else) waiting. */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 300;
    private static final Duration PROMPT = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Socket> slowClients = new ArrayList<>();
    private DirectFlow flow;
    private ShopServer server;

    @BeforeEach
    void start() throws Exception {
        Domain domain = Domain.demo();
        flow = new DirectFlow(domain, OrderListener.NONE);
        server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), 0);
        health(); // warm up the client and the server, so that only the slow clients are measured
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : slowClients) {
            socket.close();
        }
        server.close();
        flow.close();
    }

    @Test
    void healthAnswersWithin1sWhile300ClientsHaveSentPartOfTheirHeaders() throws Exception {
        openSlowClients("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nX-Slow: ");

        assertHealthIsPrompt();
    }

    @Test
    void healthAnswersWithin1sWhile300ClientsHaveSentHeadersAndStalledInTheBody() throws Exception {
        // before the body was read without a thread, these held every worker thread until the idle timeout
        openSlowClients("POST /orders HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{\"customer\":");

        assertHealthIsPrompt();
    }

    private void openSlowClients(String partialRequest) throws IOException {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
            slowClients.add(socket);
            socket.getOutputStream().write(partialRequest.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }
    }

    private void assertHealthIsPrompt() throws Exception {
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> health = health();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(took).as("/health with %d slow clients connected", SLOW_CLIENTS).isLessThan(PROMPT);
        }
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
