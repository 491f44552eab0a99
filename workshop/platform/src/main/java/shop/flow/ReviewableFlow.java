package shop.flow;

/**
 * A flow with the fraud check of lab 10: after payment, an order over {@link FraudPolicy#LIMIT_CENTS} is held for
 * review; it goes on if approved in time, else it is rejected and its payment refunded.
 */
public interface ReviewableFlow extends OrderFlow {
    /** A reviewer approves a held order; approving an order that is not held has no effect. */
    void approve(String orderId);
}
