package shop.orchestration.workflow;

import io.temporal.failure.ApplicationFailure;
import shop.domain.BusinessFailure;
import shop.domain.Domain;
import shop.domain.Order;
import shop.lab.Todo;

/**
 * The activities: thin adapters over the domain services, the same ones the other flows call.
 * A retried activity runs again with the same arguments, so every idempotency key comes from the order id:
 * a second attempt finds the first answer instead of charging again.
 */
public final class DomainActivities implements OrderActivities {
    private final Domain domain;

    public DomainActivities(Domain domain) {
        this.domain = domain;
    }

    @Override
    public String charge(Order order) {
        // TODO 1: charge the order and return the payment id. Temporal runs an activity again when an attempt
        //   fails or its worker dies: a second attempt must find the first charge, never make another. A business
        //   "no" (BusinessFailure) is final: hand it to finalNo so that Temporal does not retry it.
        throw new Todo(1, "charge the order in DomainActivities.charge");
        // end TODO 1
    }

    @Override
    public void reserve(Order order) {
        // TODO 1: reserve the order's stock, with the same two rules.
        throw new Todo(1, "reserve the stock in DomainActivities.reserve");
        // end TODO 1
    }

    @Override
    public String book(Order order) {
        // TODO 1: book a carrier and return its tracking id, with the same two rules.
        throw new Todo(1, "book a carrier in DomainActivities.book");
        // end TODO 1
    }

    @Override
    public void refund(String orderId) {
        domain.payments().refund(orderId + ":refund", orderId);
    }

    @Override
    public void release(String orderId) {
        domain.inventory().release(orderId + ":release", orderId);
    }

    @Override
    public void cancel(String orderId) {
        domain.shipping().cancel(orderId + ":cancel", orderId);
    }

    /**
     * A business "no" is final: retrying gives the same answer. A TransientFailure is left to propagate:
     * Temporal retries it by the activity's retry policy.
     */
    private static ApplicationFailure finalNo(BusinessFailure no) {
        // TODO 1: a failure that Temporal never retries, whose type is the business reason ("card-declined"),
        //   so the workflow can tell why the order was rejected. API: ApplicationFailure.
        throw new Todo(1, "turn a BusinessFailure into a non-retryable ApplicationFailure in DomainActivities.finalNo");
        // end TODO 1
    }
}
