package shop.bench.orchestration;

import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import shop.flow.OrderFlow;
import shop.flow.SameShapeBaseline;
import shop.flow.ShopContext;
import shop.orchestration.control.OrderInput;
import shop.orchestration.flow.OrchestrationFlow;
import shop.orchestration.flow.OrchestrationWorker;
import shop.orchestration.flow.TemporalConnection;
import shop.orchestration.observe.HistoryTimeline;

/**
 * The orchestration with its business logic taken out: {@link EmptyStepsWorkflow} on a worker built like the
 * shop's (the same interceptors, no sticky queue, the context's task slots), read back by the same flow class.
 */
public final class OrchestrationSameShape implements SameShapeBaseline {
    @Override
    public String impl() {
        return OrchestrationFlow.NAME;
    }

    @Override
    public String what() {
        return "a workflow of the same 3 activities with empty bodies, same worker settings";
    }

    @Override
    public OrderFlow start(ShopContext context) {
        WorkflowClient client = TemporalConnection.connect(context.temporalTarget(), context.registry(), OpenTelemetry.noop());
        OrchestrationWorker worker = OrchestrationWorker.start(client, context.listener(), OpenTelemetry.noop(),
                EmptyStepsWorkflow.TASK_QUEUE, context.parallelism(), registry -> {
                    registry.registerWorkflowImplementationTypes(EmptyStepsWorkflow.Impl.class);
                    registry.registerActivitiesImplementations(new EmptyStepsWorkflow.EmptyActivities());
                });
        OrchestrationFlow.Workflows empty = new OrchestrationFlow.Workflows((starter, order) -> WorkflowClient.start(
                starter.newWorkflowStub(EmptyStepsWorkflow.class, WorkflowOptions.newBuilder().setWorkflowId(order.id())
                        .setTaskQueue(EmptyStepsWorkflow.TASK_QUEUE).build())::process, OrderInput.of(order)),
                HistoryTimeline::of, HistoryTimeline::currentStep);
        return new OrchestrationFlow(client, context.listener(), worker, empty);
    }
}
