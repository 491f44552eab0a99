package shop.orchestration.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderStatus;
import shop.lab.Todo;
import shop.orchestration.workflow.DomainActivities;
import shop.orchestration.workflow.OrderOutcome;
import shop.orchestration.workflow.OrderStarter;
import shop.orchestration.workflow.Steps;
import shop.testkit.Labs;
import shop.testkit.TodoFailsTheRun;

/** The test server skips time while the workflow only waits, so a 24-hour timer fires at once. */
class ControlledOrderWorkflowTest {
    private static final Duration ONE_DAY = Duration.ofHours(24);
    /** A signal is handled in the next workflow task: milliseconds, seconds on a loaded machine. */
    private static final Duration SIGNAL_PATIENCE = Duration.ofSeconds(10);

    private final Domain domain = Domain.demo();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startTemporal() {
        Todo.forget();
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
    void withoutAWarehouseDeadlineTheOrderCompletesAndTheQuerySaysSo() {
        Order order = order();
        ControlledOrderWorkflow workflow = start(new OrderInput(order, null));

        OrderOutcome outcome = awaitOutcome(order);

        assertThat(outcome).isEqualTo(OrderOutcome.completed());
        assertThat(Labs.unwrapped(workflow::progress)).as("TODO 1: the progress query answers from the workflow's state")
                .isEqualTo(new OrderProgress(OrderStatus.COMPLETED, null, null));
    }

    @Test
    void theQueryShowsTheOrderWaitingForTheWarehouse() {
        Order order = order();
        ControlledOrderWorkflow workflow = start(new OrderInput(order, ONE_DAY));

        Labs.await("the progress query to say " + ControlledOrderWorkflowImpl.AWAITING_WAREHOUSE)
                .until(() -> ControlledOrderWorkflowImpl.AWAITING_WAREHOUSE.equals(Labs.unwrapped(workflow::progress).currentStep()));
        workflow.warehouseConfirmed();

        assertThat(awaitOutcome(order)).as("TODO 3: a confirmation ends the wait, the order completes")
                .isEqualTo(OrderOutcome.completed());
        assertThat(domain.shipping().isBooked(order.id())).isTrue();
    }

    @Test
    void aCancelSignalUndoesWhatWasDone() {
        Order order = order();
        ControlledOrderWorkflow workflow = start(new OrderInput(order, ONE_DAY));
        awaitTimerStarted(order);

        workflow.cancel("customer-cancelled");

        Labs.await("TODO 2: the workflow of " + order.id() + " to react to the cancel signal: its wait for the warehouse "
                        + "should end (the timer cancelled) once the signal handler has recorded the reason")
                .atMost(SIGNAL_PATIENCE)
                .until(() -> client.fetchHistory(order.id()).getEvents().stream().anyMatch(event ->
                        event.hasTimerCanceledEventAttributes() || event.hasWorkflowExecutionCompletedEventAttributes()));
        assertThat(awaitOutcome(order)).as("TODO 2: a cancel signal rejects the order and compensates")
                .isEqualTo(OrderOutcome.rejected("customer-cancelled", true));
        assertThat(activitiesRun(order)).containsExactly("Charge", "Reserve", "Book", "Cancel", "Release", "Refund");
        assertThat(domain.payments().refundedCents(order.id())).isEqualTo(order.totalCents());
        assertThat(domain.shipping().isBooked(order.id())).isFalse();
    }

    @Test
    void noConfirmationWithin24HoursCancelsTheOrderInWellUnderASecond() {
        Order order = order();
        start(new OrderInput(order, ONE_DAY));
        awaitTimerStarted(order);

        long started = System.nanoTime();
        env.sleep(ONE_DAY.plusMinutes(1));
        OrderOutcome outcome = awaitOutcome(order);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).as("TODO 3: Workflow.await(deadline, condition) returns false when the timer fires first")
                .isEqualTo(OrderOutcome.rejected(ControlledOrderWorkflowImpl.WAREHOUSE_TIMEOUT, true));
        assertThat(took).as("a day of waiting, skipped by the test server").isLessThan(Duration.ofSeconds(1));
        assertThat(activitiesRun(order)).containsExactly("Charge", "Reserve", "Book", "Cancel", "Release", "Refund");
    }

    private ControlledOrderWorkflow start(OrderInput input) {
        ControlledOrderWorkflow workflow = client.newWorkflowStub(ControlledOrderWorkflow.class,
                OrderStarter.optionsFor(input.order().id()));
        WorkflowClient.start(workflow::process, input);
        return workflow;
    }

    private OrderOutcome awaitOutcome(Order order) {
        CompletableFuture<OrderOutcome> result = client.newUntypedWorkflowStub(order.id()).getResultAsync(OrderOutcome.class);
        Labs.await("the workflow of " + order.id() + " to finish").until(result::isDone);
        return result.join();
    }

    /** Reads the history rather than asking the workflow, so that these tests do not depend on the query (TODO 1). */
    private void awaitTimerStarted(Order order) {
        Labs.await("TODO 3: the workflow of " + order.id() + " to start its warehouse timer").until(() ->
                client.fetchHistory(order.id()).getEvents().stream().anyMatch(HistoryEvent::hasTimerStartedEventAttributes));
    }

    private List<String> activitiesRun(Order order) {
        return client.fetchHistory(order.id()).getEvents().stream()
                .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .map(event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName())
                .toList();
    }

    private Order order() {
        long price = domain.catalog().priceCents("DESK-1").orElseThrow();
        return new Order("order-" + UUID.randomUUID(), "carol", List.of(new OrderLine("DESK-1", 1, price)));
    }
}
