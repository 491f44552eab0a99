package shop.orchestration.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import io.temporal.common.converter.DataConverterException;
import shop.domain.Order;
import shop.flow.OrderControl;
import shop.flow.OrderFlow;
import shop.flow.OrderHistory;
import shop.flow.OrderIdTaken;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ServiceControl;
import shop.flow.TimelineEntry;
import shop.orchestration.control.ControlledOrderWorkflow;
import shop.orchestration.control.OrderInput;
import shop.orchestration.observe.HistoryTimeline;
import shop.orchestration.workflow.OrderOutcome;
import shop.orchestration.workflow.OrderStarter;

/**
 * The shop's "orchestration" flow: one workflow per order, id = order id. The Temporal server holds the
 * state; this class only starts workflows and reads them back (history for the timeline, a query for the step).
 * Anyone who reaches the server can act on those workflows too: a workflow terminated from outside ends REJECTED
 * with reason "terminated" (and nothing undone, see {@link WorkflowEnd}); a workflow that is not the order under
 * an order's id is no order ({@link OrderIdTaken} when placing, no view when reading).
 */
public final class OrchestrationFlow implements OrderFlow, OrderControl, OrderHistory, ServiceControl {
    public static final String NAME = "orchestration";

    /**
     * Which workflow runs an order, and how its history reads as a timeline. This lab's is {@link #LAB_09}; lab 10
     * passes a workflow with the fraud check (on a task queue of its own) and a timeline that shows the review.
     *
     * @param start       starts the order's workflow: id = order id, an {@link OrderInput} as its first argument;
     *                    throws {@link WorkflowExecutionAlreadyStarted} if a workflow runs or ran under that id
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

    /**
     * @param worker the in-process worker to stop on close, or null if the worker runs elsewhere; a
     *               {@link RestartableWorker} can also be stopped and started from the console
     */
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
        } catch (WorkflowExecutionAlreadyStarted taken) {
            if (orderIn(events(order.id()), order.id()).filter(order::equals).isPresent()) {
                return; // this very order, placed before: nothing more to do
            }
            throw new OrderIdTaken(order.id(), "a workflow that is not this order runs under its id");
        }
        Instant placedAt = clock.instant();
        listener.placed(NAME, order);
        // The request's trace goes along, so the end-to-end timer's exemplar links to this order's trace.
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        client.newUntypedWorkflowStub(order.id()).getResultAsync(OrderOutcome.class).whenComplete(trace.wrapConsumer(
                (outcome, failure) -> ended(order, placedAt, outcome, failure)));
    }

    /** The run returned an outcome, or ended without one: terminated, cancelled, timed out or failed. */
    private void ended(Order order, Instant placedAt, OrderOutcome outcome, Throwable failure) {
        Duration endToEnd = Duration.between(placedAt, clock.instant());
        if (failure == null) {
            listener.finished(NAME, order, outcome.status(), outcome.compensated(), endToEnd);
            return;
        }
        WorkflowEnd.reasonOf(failure).ifPresent(reason -> {
            if (reason.equals(OrderView.TERMINATED)) {
                listener.terminated(NAME, order);
            }
            listener.finished(NAME, order, OrderStatus.REJECTED, false, endToEnd);
        });
    }

    @Override
    public Optional<OrderView> view(String orderId) {
        List<HistoryEvent> history = events(orderId);
        Optional<Order> placed = orderIn(history, orderId);
        if (placed.isEmpty()) {
            return Optional.empty(); // unknown, or a workflow that is not an order squats the id
        }
        Order order = placed.get();
        HistoryEvent last = history.get(history.size() - 1);
        Instant placedAt = HistoryTimeline.instant(history.get(0).getEventTime());
        Instant lastAt = HistoryTimeline.instant(last.getEventTime());
        var timeline = workflows.timeline().apply(history);
        if (last.hasWorkflowExecutionCompletedEventAttributes()) {
            Optional<OrderOutcome> outcome = decode(last.getWorkflowExecutionCompletedEventAttributes().getResult(), OrderOutcome.class);
            if (outcome.isPresent()) {
                return Optional.of(new OrderView(orderId, NAME, outcome.get().status(), null, outcome.get().reason(),
                        outcome.get().compensated(), order.totalCents(), placedAt, lastAt, timeline));
            }
        }
        if (WorkflowEnd.closes(last)) {
            String reason = WorkflowEnd.reasonOf(last).orElse("workflow-result-unreadable");
            List<TimelineEntry> ended = new ArrayList<>(timeline);
            ended.add(WorkflowEnd.entry(reason, lastAt));
            return Optional.of(new OrderView(orderId, NAME, OrderStatus.REJECTED, null, reason, false,
                    order.totalCents(), placedAt, lastAt, ended));
        }
        return Optional.of(new OrderView(orderId, NAME, OrderStatus.PENDING, workflows.currentStep().apply(history), null,
                false, order.totalCents(), placedAt, null, timeline));
    }

    /** The order's workflow history, one line per event (the console's orchestration lane, {@code ./shop history}). */
    @Override
    public List<OrderHistory.Entry> history(String orderId) {
        List<HistoryEvent> events = events(orderId);
        return orderIn(events, orderId).isPresent() ? HistoryLines.of(events) : List.of();
    }

    /** The in-process worker, if it runs here and can start again. */
    @Override
    public List<String> stoppableServices() {
        return worker instanceof RestartableWorker ? List.of(OrchestrationFlowFactory.WORKER) : List.of();
    }

    @Override
    public boolean isRunning(String service) {
        return restartable(service).isRunning();
    }

    @Override
    public void stop(String service) {
        restartable(service).stop();
    }

    @Override
    public void start(String service) {
        restartable(service).start();
    }

    private RestartableWorker restartable(String service) {
        if (!stoppableServices().contains(service)) {
            throw new IllegalArgumentException("no service \"" + service + "\" runs here; these do: " + stoppableServices());
        }
        return (RestartableWorker) worker;
    }

    /** The run's history (the latest run under this id), or empty if there is none. */
    private List<HistoryEvent> events(String workflowId) {
        try {
            return client.fetchHistory(workflowId).getEvents();
        } catch (WorkflowNotFoundException unknown) {
            return List.of();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }

    /** The order a run was started with, if it is one of this shop's orders under its own id; empty otherwise. */
    private Optional<Order> orderIn(List<HistoryEvent> history, String orderId) {
        if (history.isEmpty() || !history.get(0).hasWorkflowExecutionStartedEventAttributes()) {
            return Optional.empty();
        }
        return decode(history.get(0).getWorkflowExecutionStartedEventAttributes().getInput(), OrderInput.class)
                .map(OrderInput::order)
                .filter(order -> orderId.equals(order.id()));
    }

    /**
     * The running order's progress, asked of the workflow itself (lab 08's query). It needs a live worker, which
     * is why {@link #view} reads the server's history instead: the view must answer while the worker is down.
     */
    @Override
    public Progress progress(String orderId) {
        return new WorkflowControl(client).progress(orderId);
    }

    @Override
    public void cancel(String orderId, String reason) {
        new WorkflowControl(client).cancel(orderId, reason);
    }

    /** Empty if the payload is not a T: anyone who can reach the server can start a workflow with any input. */
    private <T> Optional<T> decode(Payloads payloads, Class<T> type) {
        try {
            return Optional.ofNullable(client.getOptions().getDataConverter().fromPayloads(0, Optional.of(payloads), type, type));
        } catch (DataConverterException notAT) {
            return Optional.empty();
        }
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
