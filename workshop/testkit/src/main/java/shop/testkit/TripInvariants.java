package shop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import shop.travel.Travel;
import shop.travel.TravelService;
import shop.travel.TripStatus;
import shop.travel.TripView;

/** What must hold for every finished trip, whatever flow booked it and whatever went wrong on the way. */
public final class TripInvariants {
    private TripInvariants() {}

    public static void hold(Travel travel, List<TripView> trips) {
        for (TripView trip : trips) {
            for (TravelService service : TravelService.values()) {
                assertThat(travel.desk(service).bookingCount(trip.id()))
                        .as("%s bookings of %s (a step booked twice?)", service.id(), trip.id()).isLessThanOrEqualTo(1);
                if (trip.status() == TripStatus.CONFIRMED) {
                    assertThat(travel.desk(service).holds(trip.id())).as("confirmed %s holds its %s", trip.id(), service.id()).isTrue();
                }
            }
            if (trip.status() == TripStatus.REJECTED) {
                assertThat(trip.reason()).as("rejected %s says why", trip.id()).isNotBlank();
                assertThat(travel.holdsAnything(trip.id())).as("rejected %s still holds a booking", trip.id()).isFalse();
            }
        }
    }
}
