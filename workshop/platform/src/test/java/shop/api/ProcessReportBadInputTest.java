package shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.domain.Domain;
import shop.flow.DirectFlow;
import shop.flow.OrderListener;
import shop.json.Json;
import shop.observe.Observability;

/** PUT /processes/{id} changes the shop's state: it is guarded like every such request and reads its body strictly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessReportBadInputTest {
    private static final String GOOD = "{\"impl\":\"choreography\",\"service\":\"payment\","
            + "\"metricsUrl\":\"http://127.0.0.1:7071/metrics\",\"faults\":{},\"ledgerFrom\":0,\"ledger\":[]}";
    private final HttpClient http = HttpClient.newHttpClient();
    private DirectFlow flow;
    private ShopServer server;

    @BeforeAll
    void start() {
        Domain domain = Domain.demo();
        flow = new DirectFlow(domain, OrderListener.NONE);
        server = ShopServer.start(domain, Observability.newRegistry("test"), List.of(flow), 0);
    }

    @AfterAll
    void stop() {
        server.close();
        flow.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "id with a space        | payment%201 | " + GOOD + " | id",
            "the shop's own id      | shop        | " + GOOD + " | id",
            "not an object          | p1 | [] | body",
            "unknown field          | p1 | {\"impl\":\"x\",\"colour\":1} | colour",
            "missing service        | p1 | {\"impl\":\"choreography\",\"metricsUrl\":\"http://127.0.0.1:1/metrics\",\"faults\":{},\"ledgerFrom\":0,\"ledger\":[]} | service",
            "metricsUrl a script    | p1 | {\"impl\":\"c\",\"service\":\"s\",\"metricsUrl\":\"javascript:alert(1)\",\"faults\":{},\"ledgerFrom\":0,\"ledger\":[]} | metricsUrl",
            "faults out of range    | p1 | {\"impl\":\"c\",\"service\":\"s\",\"metricsUrl\":\"http://127.0.0.1:1/m\",\"faults\":{\"declineRate\":2},\"ledgerFrom\":0,\"ledger\":[]} | faults.declineRate",
            "negative ledgerFrom    | p1 | {\"impl\":\"c\",\"service\":\"s\",\"metricsUrl\":\"http://127.0.0.1:1/m\",\"faults\":{},\"ledgerFrom\":-1,\"ledger\":[]} | ledgerFrom",
            "ledger not an array    | p1 | {\"impl\":\"c\",\"service\":\"s\",\"metricsUrl\":\"http://127.0.0.1:1/m\",\"faults\":{},\"ledgerFrom\":0,\"ledger\":{}} | ledger",
            "unknown entry kind     | p1 | {\"impl\":\"c\",\"service\":\"s\",\"metricsUrl\":\"http://127.0.0.1:1/m\",\"faults\":{},\"ledgerFrom\":0,\"ledger\":[{\"kind\":\"steal\",\"key\":\"k\",\"orderId\":\"o\",\"amountCents\":1}]} | ledger[0].kind",
            "negative amount        | p1 | {\"impl\":\"c\",\"service\":\"s\",\"metricsUrl\":\"http://127.0.0.1:1/m\",\"faults\":{},\"ledgerFrom\":0,\"ledger\":[{\"kind\":\"charge\",\"key\":\"k\",\"orderId\":\"o\",\"amountCents\":-1}]} | ledger[0].amountCents",
    })
    void badReportsAreRefusedWithTheFieldNamed(String name, String id, String body, String field) throws Exception {
        HttpResponse<String> response = put(id, body, "application/json", null);

        assertThat(response.statusCode()).as(name).isEqualTo(400);
        JsonNode error = Json.mapper().readTree(response.body());
        assertThat(error.path("field").asText()).as(name).isEqualTo(field);
        assertThat(error.path("error").asText()).as(name).startsWith(field + ":").doesNotContain("Exception");
    }

    @Test
    void tooManyEntriesInOneReportAreRefused() throws Exception {
        String entry = "{\"kind\":\"charge\",\"key\":\"k\",\"orderId\":\"o\",\"amountCents\":1}";
        String entries = String.join(",", java.util.Collections.nCopies(ProcessRoutes.MAX_ENTRIES_PER_REPORT + 1, entry));

        HttpResponse<String> response = put("p1", GOOD.replace("\"ledger\":[]", "\"ledger\":[" + entries + "]"),
                "application/json", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body()).path("field").asText()).isEqualTo("ledger");
    }

    @Test
    void aReportThatIsNotJsonOrComesFromAnotherSiteIsRefused() throws Exception {
        assertThat(put("p1", GOOD, "text/plain", null).statusCode()).isEqualTo(415);
        assertThat(put("p1", GOOD, "application/json", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(put("p1", GOOD, "application/json", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> put(String id, String body, String contentType, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/processes/" + id))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
