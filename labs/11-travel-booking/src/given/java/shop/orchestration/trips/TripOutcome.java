package shop.orchestration.trips;

import shop.travel.TripStatus;

/** How a trip's workflow ended: CONFIRMED, or REJECTED with a reason ("hotel-sold-out", "approval-timed-out"). */
public record TripOutcome(TripStatus status, String reason) {
    public static TripOutcome confirmed() {
        return new TripOutcome(TripStatus.CONFIRMED, null);
    }

    public static TripOutcome rejected(String reason) {
        return new TripOutcome(TripStatus.REJECTED, reason);
    }
}
