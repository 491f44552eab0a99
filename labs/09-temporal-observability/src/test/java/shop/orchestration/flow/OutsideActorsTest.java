package shop.orchestration.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.domain.Service;
import shop.flow.Consistency;
import shop.flow.OrderFlow;
import shop.flow.OrderView;
import shop.orchestration.control.ControlledOrderWorkflow;
import shop.orchestration.control.OrderInput;
import shop.testkit.Labs;
import shop.testkit.ShopHttp;

/**
 * Someone else with a plain Temporal client, on the server the shop uses: they terminate an order's workflow,
 * signal one while no worker runs, or start a workflow of their own under an order's id. The shop must notice,
 * count and report it, and never answer with a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutsideActorsTest {
    private static final String IMPL = "impl=\"orchestration\"";

    private OrchestrationShop shop;
    private Domain domain;
    private OrderFlow flow;
    private ShopHttp http;
    private WorkflowClient outsider;

    @BeforeAll
    void startShop() {
        shop = new OrchestrationShop("outside-actors");
        domain = shop.domain;
        flow = shop.flow;
        http = shop.http;
        outsider = WorkflowClient.newInstance(WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(shop.temporal.target()).build()));
    }

    @AfterAll
    void stopShop() {
        if (outsider != null) {
            outsider.getWorkflowServiceStubs().shutdownNow();
        }
        if (shop != null) {
            shop.close();
        }
    }

    @BeforeEach
    void noFaults() {
        domain.faults().reset();
    }

    @Test
    void aTerminatedOrderEndsAsTerminatedIsCountedAndWhatItLeftIsReported() {
        domain.faults().apply(FaultSettings.none().withService(Service.SHIPPING, new FaultSettings.ServiceFaults(true, 0, 0)));
        double terminatedBefore = http.scrape().value("shop_orders_terminated_total", IMPL).orElse(0);
        String id = http.placeOrder("tess", "BOOK-1", 2);
        Labs.await("order " + id + " charged, reserved, and retrying the booking").until(() ->
                "book".equals(http.get("/orders/" + id).body().path("currentStep").asText()));

        outsider.newUntypedWorkflowStub(id).terminate("an operator cleaning up");

        JsonNode order = awaitFinal(id);
        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asText()).isEqualTo(OrderView.TERMINATED);
        assertThat(order.get("compensated").asBoolean()).as("terminate runs no compensation").isFalse();
        JsonNode last = order.get("timeline").get(order.get("timeline").size() - 1);
        assertThat(last.get("service").asText() + "/" + last.get("step").asText() + "/" + last.get("outcome").asText())
                .as("the timeline's last entry says how the order ended").isEqualTo("order/workflow/terminated");
        Labs.await("the terminated order counted and out of flight").untilAsserted(() -> {
            assertThat(http.scrape().require("shop_orders_terminated_total", IMPL)).isEqualTo(terminatedBefore + 1);
            assertThat(http.scrape().require("shop_orders_in_flight", IMPL)).isZero();
        });
        OrderView view = flow.view(id).orElseThrow();
        assertThat(Consistency.violations(domain, List.of(view)))
                .as("the consistency checker says what the terminated order left behind")
                .containsExactly(id + ": terminated from outside, nothing undone; left charged "
                        + view.totalCents() + " cents, 2 units reserved");
    }

    @Test
    void aSignalThatArrivesWhileNoWorkerRunsLeavesTheOrderPending() throws Exception {
        shop.stopWorker();
        try {
            String id = http.placeOrder("sam", "MUG-1", 1);
            outsider.newWorkflowStub(ControlledOrderWorkflow.class, id).cancel("changed my mind");

            Labs.await("the cancel signal in " + id + "'s history").until(() -> outsider.fetchHistory(id).getLastEvent()
                    .hasWorkflowExecutionSignaledEventAttributes());
            assertThat(http.get("/orders/" + id).body().get("status").asText())
                    .as("a signal is not the end of the run: no worker has even seen it yet").isEqualTo("PENDING");

            shop.startWorker();
            JsonNode order = awaitFinal(id);
            assertThat(order.get("reason").asText()).as("the worker acts on the signal once it runs").isEqualTo("changed my mind");
            assertThat(shop.registry.isClosed()).as("stopping a worker leaves the shop's meter registry open").isFalse();
        } finally {
            shop.restartWorker();
        }
    }

    @Test
    void aWorkflowOfSomeoneElseUnderAnOrdersIdIsAConflictAndBreaksNoRead() {
        WorkflowOptions squat = WorkflowOptions.newBuilder().setWorkflowId("squatted-1").setTaskQueue("nobody-polls-this").build();
        outsider.newUntypedWorkflowStub("Squatter", squat).start("not an order");

        ShopHttp.Response placed = http.post("/orders", orderBody("squatted-1"));

        assertThat(placed.status()).as("POST on a squatted id; body " + placed.body()).isEqualTo(409);
        assertThat(placed.body().get("field").asText()).isEqualTo("id");
        assertThat(placed.body().get("error").asText()).contains("squatted-1").doesNotContain("Exception", "io.temporal");
        assertThat(http.get("/orders/squatted-1").status()).as("GET of the squatted id").isEqualTo(404);
        assertThat(http.get("/orders").status()).as("GET /orders").isEqualTo(200);
        assertThat(flow.view("squatted-1")).as("the flow's view of a workflow that is no order").isEmpty();
    }

    @Test
    void anOrderWorkflowWithAnotherOrderUnderTheIdIsAConflictToo() {
        Order forged = new Order("squatted-2", "mallory", List.of(new OrderLine("LAMP-1", 1, 1)));
        WorkflowOptions squat = WorkflowOptions.newBuilder().setWorkflowId("squatted-2").setTaskQueue("nobody-polls-this").build();
        WorkflowClient.start(outsider.newWorkflowStub(ControlledOrderWorkflow.class, squat)::process, OrderInput.of(forged));

        ShopHttp.Response placed = http.post("/orders", orderBody("squatted-2"));

        assertThat(placed.status()).as("POST on an id another order's workflow holds; body " + placed.body()).isEqualTo(409);
        assertThat(http.get("/orders").status()).as("GET /orders").isEqualTo(200);
        String next = http.placeOrder("after", "MUG-1", 1);
        assertThat(awaitFinal(next).get("status").asText()).as("the shop goes on taking orders").isEqualTo("COMPLETED");
    }

    private static String orderBody(String id) {
        return "{\"id\":\"" + id + "\",\"customer\":\"ann\",\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":1}]}";
    }

    private JsonNode awaitFinal(String id) {
        JsonNode[] found = new JsonNode[1];
        Labs.await("order " + id + " to be COMPLETED or REJECTED").until(() -> {
            ShopHttp.Response response = http.get("/orders/" + id);
            found[0] = response.body();
            return response.status() == 200 && !"PENDING".equals(response.body().get("status").asText());
        });
        return found[0];
    }
}
