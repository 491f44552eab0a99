package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.json.Json;
import shop.observe.Observability;

/**
 * The hostile-input corpus: malformed JSON, wrong types, huge numbers, sizes, control characters and protocol
 * garbage, over raw sockets and java.net.http. Every request must get a 4xx (never a 5xx) with a JSON body that
 * has "error", and no body may name a Java class. Prints the counts it found.
 */
class HostileInputTest {
    static final Pattern JAVA_CLASS = Pattern.compile(
            "\\b(java|javax|jakarta|com\\.fasterxml|shop|org\\.eclipse)\\.[a-z]+\\.[A-Za-z]|Exception\\b");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyHostileRequestGetsA4xxWithAJsonErrorThatNamesNoClass() throws Exception {
        Domain domain = Domain.demo();
        try (DirectFlow flow = new DirectFlow(domain, OrderListener.NONE);
             ShopServer server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), 0)) {
            List<HostileRequest> corpus = corpus(server);
            RawHttp raw = new RawHttp(server.port());
            int clientErrors = 0;
            int serverErrors = 0;
            int namingClasses = 0;
            List<String> problems = new ArrayList<>();

            for (HostileRequest request : corpus) {
                RawHttp.Reply reply = send(request, raw);
                boolean clientError = reply.status() >= 400 && reply.status() < 500;
                clientErrors += clientError ? 1 : 0;
                serverErrors += reply.status() >= 500 ? 1 : 0;
                boolean namesClass = JAVA_CLASS.matcher(reply.body()).find();
                namingClasses += namesClass ? 1 : 0;
                if (!clientError || namesClass || !isJsonError(reply.body())) {
                    problems.add(request.name() + " -> " + reply.status() + " " + reply.body());
                }
            }

            System.out.printf("hostile input: %d requests sent (%d raw, %d java.net.http), %d answered 4xx, %d 5xx, "
                            + "%d bodies naming a Java class%n", corpus.size(),
                    corpus.stream().filter(r -> r.raw() != null).count(),
                    corpus.stream().filter(r -> r.viaClient() != null).count(), clientErrors, serverErrors, namingClasses);
            assertThat(problems).as("requests not answered with a 4xx JSON error free of class names").isEmpty();
            assertThat(domain.faults().settings().declineRate()).as("no hostile PUT /faults got through").isZero();
        }
    }

    private List<HostileRequest> corpus(ShopServer server) {
        List<HostileRequest> corpus = new ArrayList<>();
        RawHttp raw = new RawHttp(server.port());
        Map<String, String> orders = new java.util.LinkedHashMap<>(MalformedBodies.malformedJson());
        orders.putAll(MalformedBodies.wrongOrders());
        orders.forEach((name, body) -> {
            corpus.add(HostileRequest.client(name, json("POST", server.baseUrl() + "/orders", body)));
            corpus.add(HostileRequest.raw(name + " (chunked)", chunked("POST", "/orders", server.port(), body)));
        });
        MalformedBodies.wrongFaults().forEach((name, body) -> {
            corpus.add(HostileRequest.client(name, json("PUT", server.baseUrl() + "/faults", body)));
            corpus.add(HostileRequest.raw(name + " (raw)", raw.post("PUT", "/faults", "application/json", body)));
        });
        corpus.add(HostileRequest.client("body over the limit", json("POST", server.baseUrl() + "/orders",
                "{\"customer\":\"" + "x".repeat(70_000) + "\"}")));
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/json; charset=bogus", "application/json; charset=latin1", "application/jsonp", "json")) {
            corpus.add(HostileRequest.client("Content-Type " + contentType, HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/orders")).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(MalformedBodies.VALID_ORDER)).build()));
        }
        corpus.add(HostileRequest.client("Origin of another site", HttpRequest.newBuilder(URI.create(server.baseUrl() + "/faults"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"declineRate\":1}")).build()));
        ProtocolGarbage.requests(server.port()).forEach((name, request) -> corpus.add(HostileRequest.raw(name, request)));
        return corpus;
    }

    private RawHttp.Reply send(HostileRequest request, RawHttp raw) throws Exception {
        if (request.raw() != null) {
            return raw.send(request.raw());
        }
        HttpResponse<String> response = client.send(request.viaClient(), HttpResponse.BodyHandlers.ofString());
        return new RawHttp.Reply(response.statusCode(), response.headers().map().toString(), response.body());
    }

    private static boolean isJsonError(String body) {
        try {
            JsonNode json = Json.mapper().readTree(body);
            return json.hasNonNull("error") && !json.get("error").asText().isBlank() && json.has("field");
        } catch (Exception notJson) {
            return false;
        }
    }

    private static HttpRequest json(String method, String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static byte[] chunked(String method, String path, int port, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        if (bytes.length > 0) {
            out.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
