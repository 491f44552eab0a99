package shop.choreography.trips;

import shop.travel.TripContext;
import shop.travel.TripFlow;
import shop.travel.TripFlowFactory;

/** Plugs the choreographed trips into the shop: {@code POST /trips} with {@code "impl": "choreography"}. */
public final class ChoreographedTripsFactory implements TripFlowFactory {
    @Override
    public String name() {
        return ChoreographedTrips.NAME;
    }

    @Override
    public TripFlow create(TripContext context) {
        return new ChoreographedTrips(context.kafkaBootstrapServers(), context.travel(), context.listener());
    }
}
