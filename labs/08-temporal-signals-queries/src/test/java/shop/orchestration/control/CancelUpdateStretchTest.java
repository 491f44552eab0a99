package shop.orchestration.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.orchestration.workflow.DomainActivities;
import shop.orchestration.workflow.OrderOutcome;
import shop.orchestration.workflow.OrderStarter;
import shop.orchestration.workflow.Steps;
import shop.testkit.Labs;
import shop.testkit.TodoFailsTheRun;

/** Going further: an update, {@code boolean requestCancel(String reason)}, answers whether the cancel was taken. */
@Tag("stretch")
class CancelUpdateStretchTest {
    private final Domain domain = Domain.demo();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startTemporal() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(Steps.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(TodoFailsTheRun.options(), ControlledOrderWorkflowImpl.class);
        worker.registerActivitiesImplementations(new DomainActivities(domain));
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void stopTemporal() {
        env.close();
    }

    @Test
    void aCancelBeforeTheWarehouseConfirmedIsTakenAndUndoesTheOrder() {
        Order order = startAndAwaitTheWarehouse();

        assertThat(requestCancel(order, "changed my mind")).as("stretch: requestCancel before the confirmation").isTrue();
        assertThat(client.newUntypedWorkflowStub(order.id()).getResult(OrderOutcome.class))
                .isEqualTo(OrderOutcome.rejected("changed my mind", true));
    }

    private boolean requestCancel(Order order, String reason) {
        WorkflowStub workflow = client.newUntypedWorkflowStub(order.id());
        try {
            return workflow.update("requestCancel", Boolean.class, reason);
        } catch (WorkflowUpdateException refused) {
            return fail("[stretch: the requestCancel update is not there yet, or failed: " + refused.getCause().getMessage() + "]");
        }
    }

    private Order startAndAwaitTheWarehouse() {
        long price = domain.catalog().priceCents("DESK-1").orElseThrow();
        Order order = new Order("order-" + UUID.randomUUID(), "carol", List.of(new OrderLine("DESK-1", 1, price)));
        ControlledOrderWorkflow workflow = client.newWorkflowStub(ControlledOrderWorkflow.class, OrderStarter.optionsFor(order.id()));
        WorkflowClient.start(workflow::process, new OrderInput(order, Duration.ofHours(24)));
        Labs.await("the workflow of " + order.id() + " to wait for the warehouse").until(() ->
                client.fetchHistory(order.id()).getEvents().stream().anyMatch(HistoryEvent::hasTimerStartedEventAttributes));
        return order;
    }
}
