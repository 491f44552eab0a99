package shop.travel;

import shop.testkit.TripFlowScenarios;

/** The baseline passes the trip scenarios too: the suite asks nothing that in-process calls cannot do. */
class DirectTripsScenariosTest extends TripFlowScenarios {
    @Override
    protected TripFlow startFlow(Travel travel) {
        return new DirectTrips(travel, TripListener.NONE);
    }
}
