package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.json.Json;
import shop.observe.Observability;

/**
 * Requests broken at the HTTP level, most of them rejected by Jetty before the API sees them, are client errors:
 * a 4xx with the API's JSON error body, never a 500 and never Jetty's HTML page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolErrorsTest {
    private static final String ORDER = "{\"customer\":\"ada\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}";
    private DirectFlow flow;
    private ShopServer server;
    private RawHttp http;
    private String host;

    @BeforeAll
    void start() {
        Domain domain = Domain.demo();
        flow = new DirectFlow(domain, OrderListener.NONE);
        server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), 0);
        http = new RawHttp(server.port());
        host = "Host: 127.0.0.1:" + server.port() + "\r\n";
    }

    @AfterAll
    void stop() {
        server.close();
        flow.close();
    }

    @Test
    void aBogusCharsetIs415() throws Exception {
        assertJsonError(http.send(http.post("POST", "/orders", "application/json; charset=bogus", ORDER)), 415, "Content-Type");
    }

    @Test
    void aBodyShorterThanItsContentLengthIs400() throws Exception {
        assertJsonError(http.send("POST /orders HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"customer\":"), 400, null);
    }

    @Test
    void aBadChunkSizeIs400() throws Exception {
        assertJsonError(http.send("POST /orders HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"), 400, null);
    }

    @Test
    void aMalformedRequestLineIs400() throws Exception {
        assertJsonError(http.send("GARBAGE\r\n\r\n"), 400, null);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        assertJsonError(http.send("POST /orders HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                + "Content-Length: " + (ShopServer.MAX_BODY_BYTES + 1) + "\r\n\r\n{"), 413, "body");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        String chunk = "x".repeat(16 * 1024);
        String chunks = (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").repeat(5);
        assertJsonError(http.send("POST /orders HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n"), 413, "body");
    }

    @Test
    void aUriTooLongIs414() throws Exception {
        assertJsonError(http.send("GET /orders/" + "a".repeat(9_000) + " HTTP/1.1\r\n" + host + "\r\n"), 414, "uri");
    }

    @Test
    void headersTooLargeAre431() throws Exception {
        assertJsonError(http.send("GET /health HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(9_000) + "\r\n\r\n"), 431, "headers");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /health HTTP/7.0", "GET /health HTTP/1.2", "GET /health HTTPS/1.1", "GET /health"})
    void anUnsupportedHttpVersionIs505InJson(String requestLine) throws Exception {
        RawHttp.Reply reply = http.send(requestLine + "\r\n" + host + "\r\n");

        assertThat(reply.status()).isEqualTo(505);
        assertThat(reply.headers()).containsIgnoringCase("Content-Type: application/json");
        assertThat(Json.mapper().readTree(reply.body()).get("error").asText()).contains("HTTP/1.1");
    }

    private static void assertJsonError(RawHttp.Reply reply, int status, String field) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers()).containsIgnoringCase("Content-Type: application/json");
        JsonNode error = Json.mapper().readTree(reply.body());
        assertThat(error.get("error").asText()).isNotBlank();
        assertThat(error.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
    }
}
