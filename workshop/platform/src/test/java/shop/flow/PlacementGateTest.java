package shop.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import shop.domain.Order;
import shop.domain.OrderLine;

class PlacementGateTest {
    private final List<String> reports = new ArrayList<>();
    private final PlacementGate gate = new PlacementGate(new OrderListener() {
        @Override
        public void placed(String impl, Order order) {
            reports.add("placed " + order.id());
        }

        @Override
        public void finished(String impl, Order order, OrderStatus status, boolean compensated, Duration endToEnd) {
            reports.add("finished " + order.id());
        }

        @Override
        public void terminated(String impl, Order order) {
            reports.add("terminated " + order.id());
        }
    });
    private final Order order = new Order("o-1", "ada", List.of(new OrderLine("BOOK-1", 1, 1299)));

    @Test
    void aPlacedReportReachesTheListenerOnlyOncePlaceHasReturned() {
        List<String> seenDuringPlace = new ArrayList<>();

        gate.place(flow(o -> {
            gate.placed("test", o);
            seenDuringPlace.addAll(reports);
        }), order);

        assertThat(seenDuringPlace).isEmpty();
        assertThat(reports).containsExactly("placed o-1");
    }

    @Test
    void anOrderWhosePlacingFailedIsNeverReportedAsPlaced() {
        assertThatThrownBy(() -> gate.place(flow(o -> {
            gate.placed("test", o);
            throw new IllegalStateException("broker unreachable");
        }), order)).hasMessage("broker unreachable");

        assertThat(reports).isEmpty();
        gate.place(flow(o -> gate.placed("test", o)), order);
        assertThat(reports).as("the retry is counted once").containsExactly("placed o-1");
    }

    @Test
    void anOrderThatFinishesBeforePlaceReturnsIsReportedPlacedFirst() {
        gate.place(flow(o -> {
            gate.placed("test", o);
            gate.finished("test", o, OrderStatus.COMPLETED, false, Duration.ZERO);
        }), order);

        assertThat(reports).containsExactly("placed o-1", "finished o-1");
    }

    @Test
    void reportsOfOrdersPlacedElsewherePassStraightThrough() {
        gate.placed("test", order);

        assertThat(reports).containsExactly("placed o-1");
    }

    @Test
    void aTerminationIsPassedOnBeforeTheOrderFinishes() {
        gate.place(flow(o -> gate.placed("test", o)), order);

        gate.terminated("test", order);
        gate.finished("test", order, OrderStatus.REJECTED, false, Duration.ZERO);

        assertThat(reports).containsExactly("placed o-1", "terminated o-1", "finished o-1");
    }

    private static OrderFlow flow(Consumer<Order> place) {
        return new OrderFlow() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public void place(Order order) {
                place.accept(order);
            }

            @Override
            public Optional<OrderView> view(String orderId) {
                return Optional.empty();
            }
        };
    }
}
