package shop.orchestration.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import shop.domain.Order;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.TimelineEntry;
import shop.orchestration.control.ControlledOrderWorkflow;
import shop.orchestration.control.OrderInput;
import shop.orchestration.control.OrderProgress;
import shop.orchestration.observe.HistoryTimeline;
import shop.orchestration.workflow.OrderOutcome;
import shop.orchestration.workflow.OrderStarter;

/**
 * The shop's "orchestration" flow: one workflow per order, id = order id. The Temporal server holds the
 * state; this class only starts workflows and reads them back (history for the timeline, a query for the step).
 */
public final class OrchestrationFlow implements OrderFlow {
    public static final String NAME = "orchestration";

    /**
     * Which workflow runs an order, and how its history reads as a timeline. This lab's is {@link #LAB_09}; lab 10
     * passes a workflow with the fraud check (on a task queue of its own) and a timeline that shows the review.
     *
     * @param start       starts the order's workflow: id = order id, an {@link OrderInput} as its first argument;
     *                    throws {@link WorkflowExecutionAlreadyStarted} if the order was placed before
     * @param timeline    the order's timeline, read from the history
     * @param currentStep the step a running order is at, read from the history
     */
    public record Workflows(BiConsumer<WorkflowClient, Order> start,
                            Function<List<HistoryEvent>, List<TimelineEntry>> timeline,
                            Function<List<HistoryEvent>, String> currentStep) {}

    /** Lab 08's workflow on lab 06's task queue; lab 09's timeline. */
    public static final Workflows LAB_09 = new Workflows(
            (client, order) -> WorkflowClient.start(client.newWorkflowStub(ControlledOrderWorkflow.class,
                    OrderStarter.optionsFor(order.id()))::process, OrderInput.of(order)),
            HistoryTimeline::of, HistoryTimeline::currentStep);

    private final WorkflowClient client;
    private final OrderListener listener;
    private final AutoCloseable worker;
    private final Workflows workflows;
    private final Clock clock = Clock.systemUTC();

    /** @param worker the in-process worker to stop on close, or null if the worker runs elsewhere */
    public OrchestrationFlow(WorkflowClient client, OrderListener listener, AutoCloseable worker) {
        this(client, listener, worker, LAB_09);
    }

    public OrchestrationFlow(WorkflowClient client, OrderListener listener, AutoCloseable worker, Workflows workflows) {
        this.client = client;
        this.listener = listener;
        this.worker = worker;
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void place(Order order) {
        try {
            workflows.start().accept(client, order);
        } catch (WorkflowExecutionAlreadyStarted duplicate) {
            return;
        }
        Instant placedAt = clock.instant();
        listener.placed(NAME, order);
        // The request's trace goes along, so the end-to-end timer's exemplar links to this order's trace.
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        client.newUntypedWorkflowStub(order.id()).getResultAsync(OrderOutcome.class).thenAccept(trace.wrapConsumer(outcome ->
                listener.finished(NAME, order, outcome.status(), outcome.compensated(),
                        Duration.between(placedAt, clock.instant()))));
    }

    @Override
    public Optional<OrderView> view(String orderId) {
        List<HistoryEvent> history;
        try {
            history = client.fetchHistory(orderId).getEvents();
        } catch (WorkflowNotFoundException unknown) {
            return Optional.empty();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        HistoryEvent first = history.get(0);
        HistoryEvent last = history.get(history.size() - 1);
        Order order = decode(first.getWorkflowExecutionStartedEventAttributes().getInput(), OrderInput.class).order();
        Instant placedAt = HistoryTimeline.instant(first.getEventTime());
        var timeline = workflows.timeline().apply(history);
        if (last.hasWorkflowExecutionCompletedEventAttributes()) {
            OrderOutcome outcome = decode(last.getWorkflowExecutionCompletedEventAttributes().getResult(), OrderOutcome.class);
            return Optional.of(new OrderView(orderId, NAME, outcome.status(), null, outcome.reason(), outcome.compensated(),
                    order.totalCents(), placedAt, HistoryTimeline.instant(last.getEventTime()), timeline));
        }
        if (last.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_EXECUTION_")) {
            String reason = "workflow-" + last.getEventType().name().substring("EVENT_TYPE_WORKFLOW_EXECUTION_".length()).toLowerCase();
            return Optional.of(new OrderView(orderId, NAME, OrderStatus.REJECTED, null, reason, false,
                    order.totalCents(), placedAt, HistoryTimeline.instant(last.getEventTime()), timeline));
        }
        return Optional.of(new OrderView(orderId, NAME, OrderStatus.PENDING, workflows.currentStep().apply(history), null,
                false, order.totalCents(), placedAt, null, timeline));
    }

    /**
     * The running order's progress, asked of the workflow itself (lab 08's query). It needs a live worker, which
     * is why {@link #view} reads the server's history instead: the view must answer while the worker is down.
     */
    public OrderProgress progress(String orderId) {
        return client.newWorkflowStub(ControlledOrderWorkflow.class, orderId).progress();
    }

    private <T> T decode(Payloads payloads, Class<T> type) {
        return client.getOptions().getDataConverter().fromPayloads(0, Optional.of(payloads), type, type);
    }

    @Override
    public void close() {
        if (worker != null) {
            try {
                worker.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        TemporalConnection.close(client);
    }
}
