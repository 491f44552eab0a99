package shop.flow;

/**
 * A flow whose running orders can be asked where they are and told to cancel, on the order itself rather than in a
 * table of our own: lab 08's query and signal. The API offers {@code GET /orders/{id}/progress} and
 * {@code POST /orders/{id}/cancel} for the orders of such a flow.
 */
public interface OrderControl {
    /**
     * Asks the order itself where it stands (a workflow query, answered by a worker).
     *
     * @throws Unanswered when nobody answered in time, e.g. because no worker runs
     */
    Progress progress(String orderId);

    /**
     * Tells a running order to cancel (a signal): it undoes what it did at its next step and ends REJECTED with this
     * reason. Returns once the signal is stored, before the order has reacted.
     *
     * @throws Finished when the order had already ended
     */
    void cancel(String orderId, String reason);

    /** @param currentStep e.g. "charge" or "awaiting-warehouse"; null once the order has ended */
    record Progress(OrderStatus status, String currentStep, String reason) {}

    /** The order had ended: there is nothing left to cancel. */
    final class Finished extends RuntimeException {
        public Finished(String orderId) {
            super("order " + orderId + " has already ended");
        }
    }

    /** Nobody answered the question in time: a query needs a running worker. */
    final class Unanswered extends RuntimeException {
        public Unanswered(String orderId, Throwable cause) {
            super("no worker answered the query about order " + orderId + " in time", cause);
        }
    }
}
