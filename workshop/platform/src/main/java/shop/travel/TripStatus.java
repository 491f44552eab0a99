package shop.travel;

/** Where a trip stands. Every trip must end CONFIRMED or REJECTED; PENDING forever means stuck. */
public enum TripStatus {
    PENDING, CONFIRMED, REJECTED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
