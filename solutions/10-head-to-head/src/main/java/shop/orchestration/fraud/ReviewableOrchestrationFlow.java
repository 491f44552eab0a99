package shop.orchestration.fraud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.api.OpenTelemetry;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import shop.domain.Order;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ReviewableFlow;
import shop.flow.ShopContext;
import shop.orchestration.flow.OrchestrationFlow;
import shop.orchestration.flow.TemporalConnection;
import shop.orchestration.observe.HistoryTimeline;
import shop.orchestration.workflow.OrderOutcome;
import shop.orchestration.workflow.OrderStarter;

/**
 * Lab 09's orchestration flow with the fraud check: it starts {@link ReviewedOrderWorkflow}s on
 * {@link ReviewWorker#TASK_QUEUE}, approves by signal, and reads the view from the history as lab 09 does.
 * Same name ("orchestration"): on the dashboards it is the same style, with one more step.
 */
public final class ReviewableOrchestrationFlow implements ReviewableFlow {
    private final WorkflowClient client;
    private final OrderListener listener;
    private final FraudPolicy policy;
    private final Clock clock = Clock.systemUTC();

    public ReviewableOrchestrationFlow(WorkflowClient client, OrderListener listener, FraudPolicy policy) {
        this.client = client;
        this.listener = listener;
        this.policy = policy;
    }

    /** A flow whose workers run elsewhere ({@link ReviewWorker#start}). */
    public static ReviewableOrchestrationFlow connect(ShopContext context, FraudPolicy policy, OpenTelemetry openTelemetry) {
        WorkflowClient client = TemporalConnection.connect(context.temporalTarget(), context.registry(), openTelemetry);
        return new ReviewableOrchestrationFlow(client, context.listener(), policy);
    }

    @Override
    public String name() {
        return OrchestrationFlow.NAME;
    }

    @Override
    public void place(Order order) {
        if (!started(order)) {
            return;
        }
        Instant placedAt = clock.instant();
        listener.placed(name(), order);
        client.newUntypedWorkflowStub(order.id()).getResultAsync(OrderOutcome.class).thenAccept(outcome ->
                listener.finished(name(), order, outcome.status(), outcome.compensated(),
                        Duration.between(placedAt, clock.instant())));
    }

    /** @return false if the order was placed before: its workflow id exists, and Temporal refused a second one */
    private boolean started(Order order) {
        WorkflowOptions options = WorkflowOptions.newBuilder(OrderStarter.optionsFor(order.id()))
                .setTaskQueue(ReviewWorker.TASK_QUEUE)
                .build();
        ReviewedOrderWorkflow workflow = client.newWorkflowStub(ReviewedOrderWorkflow.class, options);
        try {
            WorkflowClient.start(workflow::process, order, policy);
            return true;
        } catch (WorkflowExecutionAlreadyStarted duplicate) {
            return false;
        }
    }

    @Override
    public void approve(String orderId) {
        try {
            client.newWorkflowStub(ReviewedOrderWorkflow.class, orderId).approve();
        } catch (WorkflowNotFoundException finishedOrUnknown) {
            // not held: nothing to approve
        }
    }

    @Override
    public Optional<OrderView> view(String orderId) {
        Optional<List<HistoryEvent>> found = history(orderId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<HistoryEvent> history = found.get();
        HistoryEvent first = history.get(0);
        HistoryEvent last = history.get(history.size() - 1);
        Order order = decode(first.getWorkflowExecutionStartedEventAttributes().getInput(), Order.class);
        Instant placedAt = HistoryTimeline.instant(first.getEventTime());
        var timeline = ReviewTimeline.of(history);
        if (last.hasWorkflowExecutionCompletedEventAttributes()) {
            OrderOutcome outcome = decode(last.getWorkflowExecutionCompletedEventAttributes().getResult(), OrderOutcome.class);
            return Optional.of(new OrderView(orderId, name(), outcome.status(), null, outcome.reason(), outcome.compensated(),
                    order.totalCents(), placedAt, HistoryTimeline.instant(last.getEventTime()), timeline));
        }
        if (last.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_EXECUTION_")) {
            String reason = "workflow-" + last.getEventType().name().substring("EVENT_TYPE_WORKFLOW_EXECUTION_".length()).toLowerCase();
            return Optional.of(new OrderView(orderId, name(), OrderStatus.REJECTED, null, reason, false,
                    order.totalCents(), placedAt, HistoryTimeline.instant(last.getEventTime()), timeline));
        }
        return Optional.of(new OrderView(orderId, name(), OrderStatus.PENDING, ReviewTimeline.currentStep(history), null,
                false, order.totalCents(), placedAt, null, timeline));
    }

    private Optional<List<HistoryEvent>> history(String orderId) {
        try {
            return Optional.of(client.fetchHistory(orderId).getEvents());
        } catch (WorkflowNotFoundException unknown) {
            return Optional.empty();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private <T> T decode(Payloads payloads, Class<T> type) {
        return client.getOptions().getDataConverter().fromPayloads(0, Optional.of(payloads), type, type);
    }

    @Override
    public void close() {
        TemporalConnection.close(client);
    }
}
