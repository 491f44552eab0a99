package shop.orchestration.workflow;

import io.temporal.failure.ApplicationFailure;
import shop.domain.BusinessFailure;
import shop.domain.Domain;
import shop.domain.Order;

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
        try {
            return domain.payments().charge(order.id() + ":charge", order.id(), order.customer(), order.totalCents())
                    .paymentId();
        } catch (BusinessFailure no) {
            throw finalNo(no);
        }
    }

    @Override
    public void reserve(Order order) {
        try {
            domain.inventory().reserve(order.id() + ":reserve", order.id(), order.lines());
        } catch (BusinessFailure no) {
            throw finalNo(no);
        }
    }

    @Override
    public String book(Order order) {
        try {
            return domain.shipping().book(order.id() + ":book", order.id(), order.customer());
        } catch (BusinessFailure no) {
            throw finalNo(no);
        }
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
     * A business "no" is final: retrying gives the same answer. Non-retryable, with the reason as its type
     * ("card-declined"), so the workflow can tell the attendee why. A TransientFailure is left to propagate:
     * Temporal retries it by the activity's retry policy.
     */
    private static ApplicationFailure finalNo(BusinessFailure no) {
        return ApplicationFailure.newNonRetryableFailure(no.getMessage(), no.reason());
    }
}
