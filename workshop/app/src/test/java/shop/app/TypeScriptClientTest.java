package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.api.ShopServer;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Service;
import shop.flow.OrderFlow;
import shop.flow.OrderView;
import shop.flow.PlacementGate;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.metrics.OrderMetrics;
import shop.observe.Observability;
import shop.orchestration.flow.OrchestrationFlowFactory;
import shop.testkit.Labs;
import shop.testkit.ShopHttp;

/**
 * A tool nobody here wrote: the official Temporal TypeScript client (npm {@code @temporalio/client}, pinned in
 * {@code src/test/ts-client}) terminates an order's workflow and squats an order id on the shop's Temporal server.
 * Needs node and npm: without them the test is skipped, except in CI ({@code CI=true}), where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeScriptClientTest {
    private static final Path SOURCES = Path.of("src/test/ts-client");
    private static final Path CLIENT = Path.of("target/ts-client");

    private final Domain domain = Domain.demo();
    private final PrometheusMeterRegistry registry = Observability.newRegistry("ts-client");
    private EmbeddedTemporal temporal;
    private OrderFlow flow;
    private ShopServer shop;
    private ShopHttp http;

    @BeforeAll
    void installTheClientAndStartTheShop() throws Exception {
        requireNodeAndNpm();
        Files.createDirectories(CLIENT);
        for (String file : List.of("package.json", "package-lock.json", "outside-actor.mjs")) {
            Files.copy(SOURCES.resolve(file), CLIENT.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
        temporal = EmbeddedTemporal.start(Ports.pickFree());
        PlacementGate placements = new PlacementGate(new OrderMetrics(registry));
        flow = new OrchestrationFlowFactory(OpenTelemetry.noop())
                .create(new ShopContext(domain, registry, placements, null, temporal.target(), Set.of()));
        shop = ShopServer.start(domain, registry, List.of(flow), "127.0.0.1", 0, OpenTelemetry.noop(), placements);
        http = new ShopHttp(shop.baseUrl());
    }

    @AfterAll
    void stopShop() {
        if (shop != null) {
            shop.close();
        }
        if (flow != null) {
            flow.close();
        }
        if (temporal != null) {
            temporal.close();
        }
    }

    @Test
    void anOrderTerminatedByTheTypeScriptClientEndsTerminatedCountedAndOutOfFlight() throws Exception {
        domain.faults().apply(FaultSettings.none().withService(Service.SHIPPING, new FaultSettings.ServiceFaults(true, 0, 0)));
        try {
            String id = http.placeOrder("tess", "MUG-1", 1);
            Labs.await("order " + id + " retrying its booking").until(() ->
                    "book".equals(http.get("/orders/" + id).body().path("currentStep").asText()));

            String said = run(Duration.ofMinutes(1), "node", "outside-actor.mjs", temporal.target(), "terminate", id);

            assertThat(said).contains("\"status\":\"TERMINATED\"");
            Labs.await("order " + id + " to end").until(() -> !"PENDING".equals(status(id).path("status").asText()));
            assertThat(status(id).get("reason").asText()).isEqualTo(OrderView.TERMINATED);
            Labs.await("the termination counted, the order out of flight").untilAsserted(() -> {
                assertThat(http.scrape().require("shop_orders_terminated_total", "impl=\"orchestration\"")).isEqualTo(1);
                assertThat(http.scrape().require("shop_orders_in_flight", "impl=\"orchestration\"")).isZero();
            });
        } finally {
            domain.faults().reset();
        }
    }

    @Test
    void anIdSquattedByTheTypeScriptClientIsAConflictAndTheListStaysUp() throws Exception {
        run(Duration.ofMinutes(1), "node", "outside-actor.mjs", temporal.target(), "squat", "ts-squatted-1");

        ShopHttp.Response placed = http.post("/orders",
                "{\"id\":\"ts-squatted-1\",\"customer\":\"ann\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}");

        assertThat(placed.status()).as("POST on the squatted id: " + placed.body()).isEqualTo(409);
        assertThat(placed.body().get("error").asText()).contains("ts-squatted-1");
        assertThat(http.get("/orders").status()).isEqualTo(200);
        assertThat(http.get("/orders/ts-squatted-1").status()).isEqualTo(404);
    }

    private JsonNode status(String id) {
        return http.get("/orders/" + id).body();
    }

    private static void requireNodeAndNpm() {
        for (String tool : List.of("node", "npm")) {
            try {
                Process probe = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    continue;
                }
            } catch (IOException | InterruptedException missing) {
                // reported below
            }
            String why = tool + " is not installed; this test runs the Temporal TypeScript client with it";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + " (CI=true: install nodejs and npm)");
            }
            Assumptions.abort(why);
        }
    }

    /** Runs a command in the client's folder and returns what it printed; fails if it fails or runs too long. */
    private static String run(Duration patience, String... command) throws Exception {
        Path log = Files.createTempFile(CLIENT.toAbsolutePath(), "run-", ".log");
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(CLIENT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(patience.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended && process.exitValue() == 0)
                .as(String.join(" ", command) + (ended ? " exited " + process.exitValue() : " ran over " + patience)
                        + "; it said:\n" + output)
                .isTrue();
        return output;
    }
}
