package shop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.domain.FaultSettings.ServiceFaults;
import shop.flow.TimelineEntry;
import shop.travel.Travel;
import shop.travel.TravelService;
import shop.travel.Trip;
import shop.travel.TripFlow;
import shop.travel.TripStatus;
import shop.travel.TripView;

/**
 * The trip scenarios every trip flow must pass, written once (the trip version of {@link OrderFlowScenarios}).
 * A flow's test extends this class and says how to start the flow; each scenario checks {@link TripInvariants}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TripFlowScenarios {
    protected static final int PLACES = 1_000;
    protected final Travel travel = Travel.demo();
    protected TripFlow flow;

    /** Starts the flow under test over these travel services; called once for the class. */
    protected abstract TripFlow startFlow(Travel travel);

    @BeforeAll
    void startFlowOnce() {
        flow = startFlow(travel);
    }

    @AfterAll
    void stopFlow() {
        if (flow != null) {
            flow.close();
        }
    }

    @BeforeEach
    void healthyAndRestocked() {
        travel.healAll();
        travel.restock(PLACES);
    }

    @Test
    void aTripBooksAFlightThenAHotelThenACar() {
        List<TripView> done = awaitFinal(book(3));

        assertThat(done).extracting(TripView::status).containsOnly(TripStatus.CONFIRMED);
        assertThat(done.get(0).timeline()).extracting(TimelineEntry::service)
                .as("the timeline names every service the trip went through, in order")
                .containsSubsequence("flight", "hotel", "car");
        assertThat(travel.flights().placesLeft("AMS-LIS")).isEqualTo(PLACES - 3);
        TripInvariants.hold(travel, done);
    }

    @Test
    void noSeatLeftRejectsTheTripAndBooksNothing() {
        travel.flights().placesLeft("AMS-LIS", 0);

        List<TripView> done = awaitFinal(book(2));

        assertThat(done).allSatisfy(trip -> {
            assertThat(trip.status()).isEqualTo(TripStatus.REJECTED);
            assertThat(trip.reason()).isEqualTo("flight-sold-out");
            assertThat(trip.compensated()).as("nothing was booked, so nothing was cancelled").isFalse();
            assertThat(travel.hotels().bookingCount(trip.id())).as("no hotel booked without a flight").isZero();
        });
        TripInvariants.hold(travel, done);
    }

    @Test
    void noRoomLeftCancelsTheFlight() {
        travel.hotels().placesLeft("LIS-CENTRO", 0);

        List<TripView> done = awaitFinal(book(2));

        assertThat(done).allSatisfy(trip -> {
            assertThat(trip.status()).isEqualTo(TripStatus.REJECTED);
            assertThat(trip.reason()).isEqualTo("hotel-sold-out");
            assertThat(trip.compensated()).as("the flight was cancelled").isTrue();
        });
        assertThat(travel.flights().placesLeft("AMS-LIS")).as("every seat is back on sale").isEqualTo(PLACES);
        TripInvariants.hold(travel, done);
    }

    @Test
    void noCarLeftCancelsTheHotelThenTheFlight() {
        travel.cars().placesLeft("LIS-COMPACT", 0);

        List<TripView> done = awaitFinal(book(2));

        assertThat(done).allSatisfy(trip -> {
            assertThat(trip.status()).isEqualTo(TripStatus.REJECTED);
            assertThat(trip.reason()).isEqualTo("car-sold-out");
            assertThat(trip.timeline()).filteredOn(entry -> entry.step().equals("cancel") && entry.outcome().equals("ok"))
                    .extracting(TimelineEntry::service).as("compensation runs in reverse").containsExactly("hotel", "flight");
        });
        TripInvariants.hold(travel, done);
    }

    @Test
    void transientFailuresAreRetriedAndEachStepBooksOnce() {
        for (TravelService service : TravelService.values()) {
            travel.desk(service).faults(new ServiceFaults(false, 0, 0.3));
        }

        List<TripView> done = awaitFinal(book(6));

        assertThat(done).extracting(TripView::status).containsOnly(TripStatus.CONFIRMED);
        TripInvariants.hold(travel, done);
    }

    @Test
    void aSlowHotelDelaysTheTripButConfirmsIt() {
        travel.hotels().faults(new ServiceFaults(false, 300, 0));

        List<TripView> done = awaitFinal(book(2));

        assertThat(done).extracting(TripView::status).containsOnly(TripStatus.CONFIRMED);
        TripInvariants.hold(travel, done);
    }

    /** The car desk is down, then back: a flow may wait or give up, but no trip is lost and a rejected one holds nothing. */
    @Test
    void aCarDeskThatIsDownForAWhileLosesNoTrip() {
        travel.cars().faults(new ServiceFaults(true, 0, 0));
        List<Trip> trips = book(2);
        Labs.await("the hotels of the trips to be booked while the car desk is down")
                .until(() -> trips.stream().allMatch(trip -> travel.hotels().holds(trip.id())));
        travel.cars().faults(ServiceFaults.HEALTHY);

        TripInvariants.hold(travel, awaitFinal(trips));
    }

    @Test
    void bookingTheSameTripThreeTimesBooksItOnce() {
        Trip trip = trip();
        flow.book(trip);
        flow.book(trip);
        flow.book(trip);

        List<TripView> done = awaitFinal(List.of(trip));

        assertThat(done.get(0).status()).isEqualTo(TripStatus.CONFIRMED);
        TripInvariants.hold(travel, done);
    }

    @Test
    void whenSeatsRunOutMidBatchTheLateTripsAreRejectedAndHoldNothing() {
        travel.flights().placesLeft("AMS-LIS", 3);

        List<TripView> done = awaitFinal(book(6));

        assertThat(done).filteredOn(trip -> trip.status() == TripStatus.CONFIRMED).as("confirmed: one per seat").hasSize(3);
        assertThat(done).filteredOn(trip -> trip.status() == TripStatus.REJECTED).extracting(TripView::reason)
                .containsOnly("flight-sold-out");
        TripInvariants.hold(travel, done);
    }

    protected Trip trip() {
        return new Trip("trip-" + UUID.randomUUID(), "ada", "AMS-LIS", "LIS-CENTRO", "LIS-COMPACT");
    }

    protected List<Trip> book(int count) {
        List<Trip> trips = IntStream.range(0, count).mapToObj(i -> trip()).toList();
        trips.forEach(flow::book);
        return trips;
    }

    protected List<TripView> awaitFinal(List<Trip> trips) {
        Labs.await(trips.size() + " trips to end CONFIRMED or REJECTED (" + flow.name() + ")")
                .until(() -> trips.stream().allMatch(trip -> flow.find(trip.id()).map(view -> view.status().isFinal()).orElse(false)));
        return trips.stream().map(trip -> flow.find(trip.id()).orElseThrow()).toList();
    }
}
