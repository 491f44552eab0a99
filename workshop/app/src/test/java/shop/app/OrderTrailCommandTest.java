package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.infra.Ports;
import shop.run.Shop;
import shop.testkit.Labs;
import shop.testkit.ShopHttp;

/** {@code ./shop events} and {@code ./shop history} against a real running shop (embedded Kafka and Temporal). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderTrailCommandTest {
    private static final String BASKET = "cli-1";

    private Shop shop;
    private ShopHttp http;

    @BeforeAll
    void start() {
        shop = WholeShop.start();
        http = new ShopHttp(shop.baseUrl());
        for (String impl : List.of("direct", "choreography", "orchestration")) {
            ShopHttp.Response placed = http.post("/orders", "{\"id\":\"" + BASKET + "." + impl + "\",\"impl\":\"" + impl
                    + "\",\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}");
            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        }
        for (String impl : List.of("direct", "choreography", "orchestration")) {
            Labs.await("order " + BASKET + "." + impl + " to complete").until(() ->
                    "COMPLETED".equals(http.get("/orders/" + BASKET + "." + impl).body().path("status").asText()));
        }
    }

    @AfterAll
    void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void eventsPrintsTheOrdersRecordsWithPartitionOffsetAndHeaders() {
        Cli cli = new Cli();
        assertThat(cli.run("events", BASKET + ".choreography", "--url", shop.baseUrl())).as(cli.err.toString()).isZero();

        List<String> lines = cli.out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Order cli-1.choreography, choreography flow, COMPLETED: 5 Kafka records");
        assertThat(lines.get(1)).startsWith("TYPE").contains("PARTITION", "OFFSET", "HEADERS");
        assertThat(lines.subList(2, lines.size())).extracting(line -> line.split("\\s+")[0])
                .containsExactly("OrderPlaced", "PaymentCharged", "StockReserved", "ShipmentBooked", "OrderCompleted");
        assertThat(lines.subList(2, lines.size())).allSatisfy(line ->
                assertThat(line).matches("\\S+\\s+order-events\\s+\\d+\\s+\\d+\\s+\\S+Z\\s+.*traceparent=00-[0-9a-f]{32}-[0-9a-f]{16}-01.*"));
    }

    @Test
    void historyPrintsTheWorkflowsEventsOneLineEach() {
        Cli cli = new Cli();
        assertThat(cli.run("history", BASKET + ".orchestration", "--port", "" + java.net.URI.create(shop.baseUrl()).getPort())).as(cli.err.toString()).isZero();

        String out = cli.out.toString();
        assertThat(out.lines().findFirst().orElseThrow())
                .startsWith("Order cli-1.orchestration, orchestration flow, COMPLETED: ").contains(" history events, started ");
        assertThat(out).containsPattern("(?m)^1\\s+\\+0 ms\\s+WORKFLOW_EXECUTION_STARTED\\s+ControlledOrderWorkflow on orders$")
                .containsPattern("(?m)^\\d+\\s+\\+\\d+ ms\\s+ACTIVITY_TASK_COMPLETED\\s+Charge$")
                .containsPattern("(?m)^\\d+\\s+\\+\\d+ ms\\s+ACTIVITY_TASK_COMPLETED\\s+Book$")
                .containsPattern("(?m)WORKFLOW_EXECUTION_COMPLETED$");
    }

    @Test
    void anUnknownOrderAnOrderOfAnotherFlowAndNoShopAreOneLineAndExitCode2() {
        assertOneLineError(List.of("events", "nobody", "--url", shop.baseUrl()),
                "error: no order \"nobody\" in the shop at " + shop.baseUrl());
        assertOneLineError(List.of("events", BASKET + ".orchestration", "--url", shop.baseUrl()),
                "error: order \"cli-1.orchestration\" is in the orchestration flow, which keeps no Kafka records; "
                        + "./shop history cli-1.orchestration prints its workflow history");
        assertOneLineError(List.of("history", BASKET + ".direct", "--url", shop.baseUrl()),
                "error: order \"cli-1.direct\" is in the direct flow, which has no workflow history");
        assertOneLineError(List.of("history", "not/an id", "--url", shop.baseUrl()),
                "error: \"not/an id\" is not an order id (1 to 64 of A-Z a-z 0-9 . _ -)");
        int nobodyListens = Ports.pickFree();
        assertOneLineError(List.of("history", "cli-1.orchestration", "--port", "" + nobodyListens),
                "error: no shop answers at http://127.0.0.1:" + nobodyListens + " (start one with ./shop run, or pass --url or --port)");
        assertOneLineError(List.of("events", "x", "--port", "1", "--url", shop.baseUrl()),
                "error: --url and --port both say where the shop is: give one of them");
    }

    private static void assertOneLineError(List<String> args, String line) {
        Cli cli = new Cli();
        assertThat(cli.run(args.toArray(String[]::new))).as("exit code of %s", args).isEqualTo(2);
        assertThat(cli.err.toString()).isEqualTo(line + System.lineSeparator());
        assertThat(cli.out.toString()).isEmpty();
    }
}
