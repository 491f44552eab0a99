package shop.orchestration.trips;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import shop.travel.TripContext;
import shop.travel.TripFlow;
import shop.travel.TripFlowFactory;

/**
 * Plugs the orchestrated trips into the shop: {@code POST /trips} with {@code "impl": "orchestration"}, and a worker
 * of the {@code trips} task queue in the shop's process. Its connection has no SDK meters, so the Temporal panels
 * keep showing the orders' workflows only.
 */
public final class OrchestratedTripsFactory implements TripFlowFactory {
    @Override
    public String name() {
        return OrchestratedTrips.NAME;
    }

    @Override
    public TripFlow create(TripContext context) {
        WorkflowServiceStubs connection = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(context.temporalTarget()).build());
        return OrchestratedTrips.withWorker(WorkflowClient.newInstance(connection), context.travel(), context.listener(),
                connection::shutdownNow);
    }
}
