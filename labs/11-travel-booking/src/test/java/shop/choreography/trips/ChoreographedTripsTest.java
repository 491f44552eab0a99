package shop.choreography.trips;

import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;
import shop.testkit.TripFlowScenarios;
import shop.travel.Travel;
import shop.travel.Trip;
import shop.travel.TripFlow;

/** The trip scenarios, booked by the three services of TripHandlers over a real broker. */
@ExtendWith(ChoreographedTripsTest.OpenTodosFirst.class) // before the broker starts: an open TODO fails in a second
@ExtendWith(SharedKafka.class)
class ChoreographedTripsTest extends TripFlowScenarios {

    @Override
    protected TripFlow startFlow(Travel travel) {
        return new ChoreographedTrips(SharedKafka.bootstrapServers(), travel);
    }

    static final class OpenTodosFirst implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Trip probe = new Trip("probe-" + UUID.randomUUID(), "ada", "AMS-LIS", "LIS-CENTRO", "LIS-COMPACT");
            TripHandlers handlers = new TripHandlers(Travel.demo());
            Labs.startWith("these scenarios run the three services together (TODOs 1 and 2)",
                    () -> handlers.flight().on(TripEvent.requested(probe)),
                    () -> handlers.flight().on(TripEvent.requested(probe).then(TripEvent.Type.HOTEL_FAILED, "probe")));
        }
    }
}
