package shop.orchestration.saga;

import static org.assertj.core.api.Assertions.assertThat;

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
import shop.domain.FaultSettings;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.domain.Service;
import shop.flow.OrderStatus;
import shop.lab.Todo;
import shop.orchestration.workflow.DomainActivities;
import shop.orchestration.workflow.ForwardingActivities;
import shop.orchestration.workflow.OrderOutcome;
import shop.orchestration.workflow.OrderStarter;
import shop.orchestration.workflow.Steps;
import shop.testkit.Labs;
import shop.testkit.TodoFailsTheRun;

/** Real domain services with faults switched on; the workflow's history shows which activities ran, in order. */
class SagaOrderWorkflowTest {
    private final Domain domain = Domain.demo();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startTemporal() {
        assertThat(ActivityPolicies.STEPS.getRetryOptions() != null && ActivityPolicies.COMPENSATIONS.getRetryOptions() != null)
                .as("TODO 1: retry options for steps and for compensations (ActivityPolicies): every test here runs the"
                        + " saga with them, so start with TODO 1").isTrue();
        Todo.forget();
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(Steps.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(TodoFailsTheRun.options(), SagaOrderWorkflow.class);
        worker.registerActivitiesImplementations(new DomainActivities(domain));
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void stopTemporal() {
        env.close();
    }

    @Test
    void aDeclinedCardIsTriedOnceAndNothingIsUndone() {
        domain.faults().apply(FaultSettings.none().withDeclineRate(1));
        Order order = place("BOOK-1", 1);

        OrderOutcome outcome = awaitOutcome(order);

        assertThat(outcome).as("TODO 2: a refused charge is the only failure that undoes nothing: the order is rejected, "
                        + "not compensated")
                .isEqualTo(OrderOutcome.rejected("card-declined", false));
        assertThat(activitiesRun(order)).as("activities run, in order").containsExactly("Charge");
        assertThat(attemptsOf(order, "Charge")).as("TODO 1: a declined card is never retried").isEqualTo(1);
    }

    @Test
    void outOfStockReleasesThenRefunds() {
        domain.faults().apply(FaultSettings.none().withOutOfStock(java.util.Set.of("LAMP-1")));
        Order order = place("LAMP-1", 1);

        OrderOutcome outcome = awaitOutcome(order);

        assertThat(outcome).as("TODO 2/3: rejected as out-of-stock, compensated")
                .isEqualTo(OrderOutcome.rejected("out-of-stock", true));
        assertThat(activitiesRun(order)).as("TODO 3: undo registered before each step, run last first")
                .containsExactly("Charge", "Reserve", "Release", "Refund");
        assertThat(domain.payments().refundedCents(order.id())).isEqualTo(order.totalCents());
    }

    @Test
    void carrierUnavailableCancelsReleasesAndRefundsInReverseOrder() {
        domain.faults().apply(FaultSettings.none().withCarrierUnavailableRate(1));
        Order order = place("TEE-1", 2);
        int stockBefore = domain.inventory().stockLevel("TEE-1");

        OrderOutcome outcome = awaitOutcome(order);

        assertThat(outcome).as("TODO 2/3: rejected as carrier-unavailable, compensated")
                .isEqualTo(OrderOutcome.rejected("carrier-unavailable", true));
        assertThat(activitiesRun(order)).as("TODO 3: undo registered before each step, run last first")
                .containsExactly("Charge", "Reserve", "Book", "Cancel", "Release", "Refund");
        assertThat(domain.inventory().stockLevel("TEE-1")).as("stock given back").isEqualTo(stockBefore);
        assertThat(domain.payments().refundedCents(order.id())).as("money given back").isEqualTo(order.totalCents());
    }

    @Test
    void transientErrorsAreRetriedWithoutASecondCharge() {
        domain.faults().apply(FaultSettings.none()
                .withService(Service.PAYMENT, new FaultSettings.ServiceFaults(false, 0, 0.6)));
        Order order = place("MUG-1", 1);

        OrderOutcome outcome = awaitOutcome(order);

        assertThat(outcome).as("TODO 1: transient errors are retried (ActivityPolicies.STEPS) until the order completes")
                .isEqualTo(OrderOutcome.completed());
        assertThat(activitiesRun(order)).containsExactly("Charge", "Reserve", "Book");
        assertThat(domain.payments().chargeCount(order.id())).isEqualTo(1);
    }

    @Test
    void aStepThatHangsTimesOutAndIsRetried() {
        Order order;
        try (TestWorkflowEnvironment hanging = TestWorkflowEnvironment.newInstance()) {
            Worker worker = hanging.newWorker(Steps.TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(TodoFailsTheRun.options(), SagaOrderWorkflow.class);
            worker.registerActivitiesImplementations(new CarrierThatHangsOnce(new DomainActivities(domain)));
            hanging.start();
            client = hanging.getWorkflowClient();
            order = place("BOOK-1", 1);

            assertThat(awaitOutcome(order)).as("TODO 1: the hung attempt times out (start-to-close) and the retry completes")
                    .isEqualTo(OrderOutcome.completed());
            assertThat(attemptsOf(order, "Book")).as("attempts of Book").isEqualTo(2);
        }
        assertThat(domain.shipping().bookingCount(order.id())).as("bookings").isEqualTo(1);
    }

    /** The real activities, except that the first booking never answers in time. */
    private static final class CarrierThatHangsOnce extends ForwardingActivities {
        private final java.util.concurrent.atomic.AtomicBoolean hung = new java.util.concurrent.atomic.AtomicBoolean();

        CarrierThatHangsOnce(shop.orchestration.workflow.OrderActivities real) {
            super(real);
        }

        @Override
        public String book(Order order) {
            if (hung.compareAndSet(false, true)) {
                try {
                    Thread.sleep(ActivityPolicies.STEPS.getStartToCloseTimeout().plusSeconds(1).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("this attempt was given up on long ago");
            }
            return super.book(order);
        }
    }

    @Test
    void stepsHaveATimeoutAndARetryLimitAndCompensationsRetryForever() {
        assertThat(ActivityPolicies.STEPS.getStartToCloseTimeout()).as("TODO 1: a start-to-close timeout for steps").isNotNull();
        assertThat(ActivityPolicies.STEPS.getRetryOptions()).as("TODO 1: retry options for steps").isNotNull();
        assertThat(ActivityPolicies.COMPENSATIONS.getRetryOptions()).as("TODO 1: retry options for compensations").isNotNull();
        assertThat(ActivityPolicies.STEPS.getRetryOptions().getMaximumAttempts()).as("TODO 1: steps give up at some point").isGreaterThan(1);
        assertThat(ActivityPolicies.STEPS.getRetryOptions().getBackoffCoefficient()).as("TODO 1: exponential backoff").isGreaterThan(1);
        assertThat(ActivityPolicies.COMPENSATIONS.getStartToCloseTimeout()).as("TODO 1: a start-to-close timeout for compensations").isNotNull();
        assertThat(ActivityPolicies.COMPENSATIONS.getRetryOptions().getMaximumAttempts()).as("TODO 1: compensations never give up (0 = unlimited)").isZero();
    }

    private Order place(String sku, int quantity) {
        long price = domain.catalog().priceCents(sku).orElseThrow();
        Order order = new Order("order-" + UUID.randomUUID(), "bob", List.of(new OrderLine(sku, quantity, price)));
        OrderStarter.start(client, order);
        return order;
    }

    private OrderOutcome awaitOutcome(Order order) {
        CompletableFuture<OrderOutcome> result = client.newUntypedWorkflowStub(order.id()).getResultAsync(OrderOutcome.class);
        Labs.await("the workflow of " + order.id() + " to finish").until(result::isDone);
        return result.join();
    }

    private List<HistoryEvent> history(Order order) {
        return client.fetchHistory(order.id()).getEvents();
    }

    private List<String> activitiesRun(Order order) {
        return history(order).stream().filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .map(event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName())
                .toList();
    }

    private int attemptsOf(Order order, String activityType) {
        List<HistoryEvent> events = history(order);
        long scheduledId = events.stream().filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .filter(event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(activityType))
                .findFirst().orElseThrow().getEventId();
        return events.stream().filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
                .map(HistoryEvent::getActivityTaskStartedEventAttributes)
                .filter(started -> started.getScheduledEventId() == scheduledId)
                .findFirst().orElseThrow().getAttempt();
    }
}
