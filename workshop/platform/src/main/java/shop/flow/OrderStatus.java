package shop.flow;

/** Where an order stands. Every order must end COMPLETED or REJECTED; PENDING forever means stuck. */
public enum OrderStatus {
    PENDING, COMPLETED, REJECTED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
