package shop.orchestration.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.UUID;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.lab.Todo;

/** The activities are plain Java objects: they can be tested without Temporal. */
class DomainActivitiesTest {
    private final Domain domain = Domain.demo();

    @Test
    void aRetriedActivityChargesOnce() {
        DomainActivities activities = new DomainActivities(domain);
        Order order = order("TEE-1", 1);

        activities.charge(order);
        activities.charge(order);

        assertThat(domain.payments().chargeCount(order.id()))
                .as("TODO 1: the idempotency key must come from the order id, so a second attempt is not a second charge")
                .isEqualTo(1);
    }

    @Test
    void aDeclinedCardIsAFinalNoNamedAfterItsReason() {
        domain.faults().apply(FaultSettings.none().withDeclineRate(1));
        DomainActivities activities = new DomainActivities(domain);

        Throwable thrown = catchThrowable(() -> activities.charge(order("LAMP-1", 1)));
        if (thrown instanceof Todo open) {
            throw open;
        }

        assertThat(thrown).as("TODO 1: a BusinessFailure becomes an ApplicationFailure").isInstanceOf(ApplicationFailure.class);
        ApplicationFailure failure = (ApplicationFailure) thrown;
        assertThat(failure.getType()).as("TODO 1: the failure type is the reason").isEqualTo("card-declined");
        assertThat(failure.isNonRetryable()).as("TODO 1: a declined card must not be retried").isTrue();
    }

    private Order order(String sku, int quantity) {
        long price = domain.catalog().priceCents(sku).orElseThrow();
        return new Order("order-" + UUID.randomUUID(), "alice", List.of(new OrderLine(sku, quantity, price)));
    }
}
