package shop.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;

/** The checker on orders whose final state was set by hand, with the domain left as a flow would have left it. */
class ConsistencyTest {
    private final Domain domain = Domain.demo();
    private final Map<String, Integer> stockBefore = domain.inventory().stockLevels();

    @Test
    void anOrderTerminatedAfterItsChargeAndReservationIsReportedWithWhatItLeft() {
        Order order = order("t-1", 2);
        domain.payments().charge("t-1:charge", "t-1", order.customer(), order.totalCents());
        domain.inventory().reserve("t-1:reserve", "t-1", order.lines());

        Consistency.Summary summary = check(order, view(order, OrderView.TERMINATED));

        assertThat(summary.violations()).contains(
                "t-1: terminated from outside, nothing undone; left charged 2598 cents, 2 units reserved");
        assertThat(summary.violations()).as("one line for the order, not one per leftover")
                .noneMatch(line -> line.startsWith("t-1: rejected but"));
        assertThat(summary.terminated()).isEqualTo(1);
        assertThat(summary.leftChargedCents()).isEqualTo(2598);
        assertThat(summary.leftHeldUnits()).isEqualTo(2);
        assertThat(summary.clean()).isFalse();
    }

    @Test
    void anOrderTerminatedBeforeAnyStepLeftNothingAndIsClean() {
        Order order = order("t-2", 1);

        Consistency.Summary summary = check(order, view(order, OrderView.TERMINATED));

        assertThat(summary.violations()).isEmpty();
        assertThat(summary.terminated()).isEqualTo(1);
        assertThat(summary.leftChargedCents()).isZero();
    }

    @Test
    void aRejectedOrderThatKeptItsChargeIsStillAViolationOfItsOwnKind() {
        Order order = order("r-1", 1);
        domain.payments().charge("r-1:charge", "r-1", order.customer(), order.totalCents());

        Consistency.Summary summary = check(order, view(order, "out-of-stock"));

        assertThat(summary.violations()).contains("r-1: rejected but refunded 0 of 1299 charged");
        assertThat(summary.terminated()).isZero();
    }

    private Consistency.Summary check(Order order, OrderView view) {
        return new Consistency(domain, List.of(order), Map.of(order.id(), view), stockBefore).check();
    }

    private static Order order(String id, int books) {
        return new Order(id, "ada", List.of(new OrderLine("BOOK-1", books, 1299)));
    }

    private static OrderView view(Order order, String reason) {
        return new OrderView(order.id(), "orchestration", OrderStatus.REJECTED, null, reason, false, order.totalCents(),
                Instant.now(), Instant.now(), List.of());
    }
}
