package shop.flow;

/**
 * Thrown by {@link OrderFlow#place} when the order's id is already used, in the flow's infrastructure, by something
 * that is not this order: for example a workflow that someone else started under that id. Nothing was placed; the
 * HTTP API answers 409.
 */
public final class OrderIdTaken extends RuntimeException {
    private final String orderId;

    public OrderIdTaken(String orderId, String what) {
        super("order id " + orderId + " is taken: " + what);
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
