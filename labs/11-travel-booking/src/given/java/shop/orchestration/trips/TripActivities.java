package shop.orchestration.trips;

import io.temporal.activity.ActivityInterface;
import shop.travel.Trip;

/** The trip's steps and their undos, as activities: "BookFlight", "CancelHotel", ... in the workflow's history. */
@ActivityInterface
public interface TripActivities {
    String bookFlight(Trip trip);

    String bookHotel(Trip trip);

    String bookCar(Trip trip);

    void cancelFlight(Trip trip);

    void cancelHotel(Trip trip);

    void cancelCar(Trip trip);
}
