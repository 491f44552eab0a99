package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.json.Json;
import shop.observe.Observability;

/**
 * A web page elsewhere must not change the shop's state: requests that do need JSON, this server's Host (no DNS
 * rebinding) and, if they say where they come from, this server's Origin. PORT stands for the shop's port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteGuardTest {
    private static final String ORDER = "{\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}";
    private Domain domain;
    private DirectFlow flow;
    private ShopServer server;
    private RawHttp http;

    @BeforeAll
    void start() {
        domain = Domain.demo();
        flow = new DirectFlow(domain, OrderListener.NONE);
        server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), 0);
        http = new RawHttp(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
        flow.close();
    }

    @ParameterizedTest(name = "{0} {1}: {2} / {3} / {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "POST | /orders | 127.0.0.1:PORT  | -                       | application/json                  | 201 | -",
            "POST | /orders | localhost:PORT  | -                       | application/json; charset=UTF-8   | 201 | -",
            "POST | /orders | 127.0.0.1:PORT  | http://127.0.0.1:PORT   | application/json                  | 201 | -",
            "POST | /orders | localhost:PORT  | http://localhost:PORT   | application/json                  | 201 | -",
            "POST | /orders | 127.0.0.1:PORT  | -                       | text/plain                        | 415 | Content-Type",
            "POST | /orders | 127.0.0.1:PORT  | -                       | application/x-www-form-urlencoded | 415 | Content-Type",
            "POST | /orders | 127.0.0.1:PORT  | -                       | multipart/form-data; boundary=x   | 415 | Content-Type",
            "POST | /orders | 127.0.0.1:PORT  | -                       | -                                 | 415 | Content-Type",
            "POST | /orders | 127.0.0.1:PORT  | -                       | application/json; charset=bogus   | 415 | Content-Type",
            "POST | /orders | 127.0.0.1:PORT  | -                       | application/json; charset=utf-16  | 415 | Content-Type",
            "POST | /orders | 127.0.0.1:PORT  | http://evil.example     | application/json                  | 403 | Origin",
            "POST | /orders | 127.0.0.1:PORT  | null                    | application/json                  | 403 | Origin",
            "POST | /orders | 127.0.0.1:PORT  | http://127.0.0.1:1      | application/json                  | 403 | Origin",
            "POST | /orders | 127.0.0.1:PORT  | https://127.0.0.1:PORT  | application/json                  | 403 | Origin",
            "POST | /orders | evil.example:PORT | -                     | application/json                  | 403 | Host",
            "POST | /orders | 127.0.0.1:1     | -                       | application/json                  | 403 | Host",
            "POST | /orders | 127.0.0.1       | -                       | application/json                  | 403 | Host",
            "PUT  | /faults | 127.0.0.1:PORT  | -                       | text/plain                        | 415 | Content-Type",
            "PUT  | /faults | 127.0.0.1:PORT  | http://evil.example     | application/json                  | 403 | Origin",
            "PUT  | /faults | evil.example:PORT | -                     | application/json                  | 403 | Host",
            "DELETE | /orders | evil.example:PORT | -                   | application/json                  | 403 | Host",
    })
    void stateChangingRequestsFromElsewhereAreRefused(String method, String path, String host, String origin,
                                                       String contentType, int status, String field) throws Exception {
        String port = Integer.toString(server.port());
        String body = path.equals("/faults") ? "{\"declineRate\":1}" : ORDER;
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host.replace("PORT", port)
                + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n");
        if (origin != null) {
            request.append("Origin: ").append(origin.replace("PORT", port)).append("\r\n");
        }
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }

        RawHttp.Reply reply = http.send(request.append("\r\n").append(body).toString());

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (field != null) {
            assertThat(Json.mapper().readTree(reply.body()).get("field").asText()).isEqualTo(field);
            assertThat(domain.faults().settings().declineRate()).as("faults unchanged").isZero();
        }
    }

    @ParameterizedTest(name = "GET {0} with Host host.docker.internal")
    @CsvSource({"/health", "/metrics", "/faults"})
    void readsAreNotGuardedSoAPrometheusInAContainerCanScrape(String path) throws Exception {
        RawHttp.Reply reply = http.send("GET " + path + " HTTP/1.1\r\nHost: host.docker.internal:" + server.port()
                + "\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(200);
    }
}
