package shop.orchestration.fraud;

import java.util.Optional;

import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import shop.domain.Order;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.OrderView;
import shop.flow.ReviewableFlow;
import shop.flow.ShopContext;
import shop.orchestration.control.OrderInput;
import shop.orchestration.flow.OrchestrationFlow;
import shop.orchestration.flow.TemporalConnection;
import shop.orchestration.workflow.OrderStarter;

/**
 * Lab 09's orchestration flow with the fraud check: lab 09's {@link OrchestrationFlow} (the same meters, the trace of
 * the request that placed the order, the view from the history), told to start {@link ReviewedOrderWorkflow}s on
 * {@link ReviewWorker#TASK_QUEUE} and to read the review into the timeline ({@link ReviewTimeline}); and approve, by
 * signal. Same name ("orchestration"): on the dashboards it is the same style, with one more step.
 */
public final class ReviewableOrchestrationFlow implements ReviewableFlow {
    private final WorkflowClient client;
    private final OrchestrationFlow flow;

    public ReviewableOrchestrationFlow(WorkflowClient client, OrderListener listener, FraudPolicy policy) {
        this.client = client;
        OrchestrationFlow.Workflows withFraudCheck = new OrchestrationFlow.Workflows(
                (starter, order) -> start(starter, order, policy), ReviewTimeline::of, ReviewTimeline::currentStep);
        this.flow = new OrchestrationFlow(client, listener, null, withFraudCheck);
    }

    /** A flow whose workers run elsewhere ({@link ReviewWorker#start}). */
    public static ReviewableOrchestrationFlow connect(ShopContext context, FraudPolicy policy, OpenTelemetry openTelemetry) {
        WorkflowClient client = TemporalConnection.connect(context.temporalTarget(), context.registry(), openTelemetry);
        return new ReviewableOrchestrationFlow(client, context.listener(), policy);
    }

    /** Starts the order's workflow; if the order was placed before, Temporal refuses a second one with its id. */
    private static void start(WorkflowClient client, Order order, FraudPolicy policy) {
        // TODO 5: start the order's workflow on this lab's task queue, its id the order's as in lab 06, without
        //   waiting for its end. An order placed twice starts one workflow: lab 09's flow, which calls this, ignores
        //   the second.
        WorkflowOptions options = WorkflowOptions.newBuilder(OrderStarter.optionsFor(order.id()))
                .setTaskQueue(ReviewWorker.TASK_QUEUE)
                .build();
        ReviewedOrderWorkflow workflow = client.newWorkflowStub(ReviewedOrderWorkflow.class, options);
        WorkflowClient.start(workflow::process, OrderInput.of(order), policy);
        // end TODO 5
    }

    @Override
    public String name() {
        return flow.name();
    }

    @Override
    public void place(Order order) {
        flow.place(order);
    }

    @Override
    public void approve(String orderId) {
        // TODO 6: tell the order's running workflow that the reviewer approved it. An order no longer running has
        //   nothing to approve: that is not an error.
        try {
            client.newWorkflowStub(ReviewedOrderWorkflow.class, orderId).approve();
        } catch (WorkflowNotFoundException finishedOrUnknown) {
            // not held: nothing to approve
        }
        // end TODO 6
    }

    @Override
    public Optional<OrderView> view(String orderId) {
        return flow.view(orderId);
    }

    @Override
    public void close() {
        flow.close();
    }
}
