package shop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.domain.Service;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ShopContext;

/**
 * The scenarios every flow must pass, written once. A flow's test extends this class and says how to start
 * (and, if it can, restart) the flow. Each scenario checks the final states and {@link Invariants}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OrderFlowScenarios {
    protected Domain domain;
    protected ShopContext context;
    protected OrderFlow flow;

    /** Starts the flow under test; called once for the class. */
    protected abstract OrderFlow startFlow(ShopContext context);

    /** Where Kafka is, if the flow needs it; null otherwise. */
    protected String kafkaBootstrapServers() {
        return null;
    }

    /** Where Temporal is, if the flow needs it; null otherwise. */
    protected String temporalTarget() {
        return null;
    }

    /**
     * Stops the flow's workers or services in the middle of a batch and starts them again, returning the flow
     * to use from now on. Flows that cannot survive a restart leave this as it is, and the scenario is skipped.
     */
    protected OrderFlow restart(OrderFlow running) {
        Assumptions.abort(running.name() + " keeps in-flight orders in memory only; it does not survive a restart");
        return running;
    }

    protected OrderListener listener() {
        return OrderListener.NONE;
    }

    /**
     * How long the flow keeps calling a service that is down before it gives the order up, or empty if it waits for
     * the service to come back however long that takes (the default: the choreography's consumers retry a record
     * until it is handled). A deliberate difference between the flows, with one contract around it: see
     * {@link #aPaymentOutageChargesNothingItDoesNotCompleteAndUndoesNothingThatNeverHappened} and lab 10's README.
     */
    protected Optional<Duration> givesUpOnAServiceThatIsDownAfter() {
        return Optional.empty();
    }

    @BeforeAll
    void startFlowOnce() {
        domain = Domain.demo();
        context = new ShopContext(domain, new SimpleMeterRegistry(), listener(), kafkaBootstrapServers(), temporalTarget());
        flow = startFlow(context);
    }

    @AfterAll
    void stopFlow() {
        if (flow != null) {
            flow.close();
        }
    }

    @BeforeEach
    void noFaults() {
        domain.faults().reset();
    }

    @Test
    void happyPathCompletesEveryOrderAndTakesTheStock() {
        Map<String, Integer> stockBefore = domain.inventory().stockLevels();
        List<Order> orders = placeOrders(5, "BOOK-1", 2);

        List<OrderView> done = awaitFinal(orders);

        assertThat(done).extracting(OrderView::status).containsOnly(OrderStatus.COMPLETED);
        assertThat(domain.inventory().stockLevel("BOOK-1")).isEqualTo(stockBefore.get("BOOK-1") - 10);
        assertThat(done.get(0).timeline()).extracting(entry -> entry.service())
                .as("the timeline names every service the order went through")
                .contains("payment", "inventory", "shipping");
        assertNoViolations(done);
    }

    @Test
    void declinedCardRejectsTheOrderWithoutTouchingStock() {
        domain.faults().apply(FaultSettings.none().withDeclineRate(1));
        Map<String, Integer> stockBefore = domain.inventory().stockLevels();

        List<OrderView> done = awaitFinal(placeOrders(3, "MUG-1", 1));

        assertThat(done).allSatisfy(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(order.reason()).isEqualTo("card-declined");
            assertThat(domain.payments().chargedCents(order.id())).isZero();
        });
        assertThat(domain.inventory().stockLevels()).isEqualTo(stockBefore);
        assertNoViolations(done);
    }

    @Test
    void outOfStockRefundsThePayment() {
        domain.faults().apply(FaultSettings.none().withOutOfStock(Set.of("LAMP-1")));
        Map<String, Integer> stockBefore = domain.inventory().stockLevels();

        List<OrderView> done = awaitFinal(placeOrders(3, "LAMP-1", 1));

        assertThat(done).allSatisfy(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(order.reason()).isEqualTo("out-of-stock");
            assertThat(order.compensated()).as("compensated").isTrue();
            assertThat(domain.payments().refundedCents(order.id())).isEqualTo(order.totalCents());
        });
        assertThat(domain.inventory().stockLevels()).isEqualTo(stockBefore);
        assertNoViolations(done);
    }

    @Test
    void carrierUnavailableReleasesStockAndRefunds() {
        domain.faults().apply(FaultSettings.none().withCarrierUnavailableRate(1));
        Map<String, Integer> stockBefore = domain.inventory().stockLevels();

        List<OrderView> done = awaitFinal(placeOrders(3, "TEE-1", 2));

        assertThat(done).allSatisfy(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(order.reason()).isEqualTo("carrier-unavailable");
            assertThat(order.compensated()).as("compensated").isTrue();
            assertThat(domain.payments().refundedCents(order.id())).isEqualTo(order.totalCents());
        });
        assertThat(domain.inventory().stockLevels()).isEqualTo(stockBefore);
        assertNoViolations(done);
    }

    @Test
    void transientErrorsAreRetriedUntilEveryOrderCompletes() {
        FaultSettings flaky = FaultSettings.none();
        for (Service service : Service.values()) {
            flaky = flaky.withService(service, new FaultSettings.ServiceFaults(false, 0, 0.3));
        }
        domain.faults().apply(flaky);

        List<OrderView> done = awaitFinal(placeOrders(10, "BOOK-1", 1));

        assertThat(done).extracting(OrderView::status).containsOnly(OrderStatus.COMPLETED);
        assertNoViolations(done);
    }

    @Test
    void placingTheSameOrderThreeTimesChargesItOnce() {
        Order order = order("DESK-1", 1);
        flow.place(order);
        flow.place(order);
        flow.place(order);

        List<OrderView> done = awaitFinal(List.of(order));

        assertThat(done.get(0).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(domain.payments().chargeCount(order.id())).isEqualTo(1);
        assertNoViolations(done);
    }

    /**
     * Payment down, then back. A flow that waits completes every order once payment is back; a flow that gives up
     * rejects them as "gave-up-after-retries". Either way nothing stays charged, and no order is reported
     * compensated: a refund of a charge that never happened undoes nothing.
     */
    @Test
    void aPaymentOutageChargesNothingItDoesNotCompleteAndUndoesNothingThatNeverHappened() {
        domain.faults().apply(FaultSettings.none()
                .withService(Service.PAYMENT, new FaultSettings.ServiceFaults(true, 0, 0)));
        List<Order> orders = placeOrders(2, "MUG-1", 1);
        Optional<Duration> patience = givesUpOnAServiceThatIsDownAfter();
        if (patience.isPresent()) {
            Labs.await("the flow to give up charging after about " + patience.get().toMillis() + " ms")
                    .atMost(patience.get().multipliedBy(3).plusSeconds(10))
                    .until(() -> orders.stream().allMatch(this::gaveUpCharging));
        } else {
            Labs.await("every order to wait, uncharged, while payment is down")
                    .during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> orders.stream().allMatch(this::waitsUncharged));
        }
        domain.faults().reset();

        List<OrderView> done = awaitFinal(orders);

        assertThat(done).allSatisfy(order -> {
            assertThat(order.compensated()).as(order.id() + " compensated").isFalse();
            if (patience.isPresent()) {
                assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
                assertThat(order.reason()).isEqualTo("gave-up-after-retries");
                assertThat(domain.payments().chargedCents(order.id())).as("charged").isZero();
            } else {
                assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
                assertThat(domain.payments().chargeCount(order.id())).as("charges").isEqualTo(1);
            }
        });
        assertNoViolations(done);
    }

    /** A service slower than usual, but within every flow's step timeout: orders take longer, none is rejected. */
    @Test
    void aSlowServiceDelaysOrdersAndTheTimelineShowsWhereTheTimeWent() {
        domain.faults().apply(FaultSettings.none()
                .withService(Service.SHIPPING, new FaultSettings.ServiceFaults(false, 1000, 0)));

        List<OrderView> done = awaitFinal(placeOrders(3, "TEE-1", 1));

        assertThat(done).extracting(OrderView::status).containsOnly(OrderStatus.COMPLETED);
        assertThat(done).allSatisfy(order -> assertThat(order.timeline())
                .as(order.id() + ": the booking took the shipping service's extra second")
                .anySatisfy(entry -> {
                    assertThat(entry.step()).isEqualTo("book");
                    assertThat(entry.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
                }));
        assertNoViolations(done);
    }

    @Test
    void ordersInFlightSurviveARestart() {
        domain.faults().apply(FaultSettings.none()
                .withService(Service.SHIPPING, new FaultSettings.ServiceFaults(false, 20, 0)));
        List<Order> orders = placeOrders(50, "MUG-1", 1);

        flow = restart(flow);
        domain.faults().reset();

        List<OrderView> done = awaitFinal(orders);
        assertThat(done).extracting(OrderView::status).containsOnly(OrderStatus.COMPLETED);
        assertNoViolations(done);
    }

    protected Order order(String sku, int quantity) {
        long price = domain.catalog().priceCents(sku).orElseThrow();
        return new Order("order-" + UUID.randomUUID(), "customer-" + sku, List.of(new OrderLine(sku, quantity, price)));
    }

    protected List<Order> placeOrders(int count, String sku, int quantity) {
        List<Order> orders = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> {
            Order order = order(sku, quantity);
            flow.place(order);
            orders.add(order);
        });
        return orders;
    }

    /** Waits until every order is final and returns their views, in the same order. */
    protected List<OrderView> awaitFinal(List<Order> orders) {
        List<OrderView> views = new ArrayList<>();
        Labs.await("every order reaches COMPLETED or REJECTED").atMost(Duration.ofSeconds(60)).until(() -> {
            views.clear();
            for (Order order : orders) {
                OrderView view = flow.view(order.id()).orElse(null);
                if (view == null || !view.status().isFinal()) {
                    return false;
                }
                views.add(view);
            }
            return true;
        });
        return views;
    }

    private boolean gaveUpCharging(Order order) {
        return flow.view(order.id()).map(view -> view.timeline().stream()
                .anyMatch(entry -> entry.step().equals("charge") && !entry.outcome().equals("ok"))).orElse(false);
    }

    private boolean waitsUncharged(Order order) {
        return flow.view(order.id()).map(view -> !view.status().isFinal()).orElse(true)
                && domain.payments().chargedCents(order.id()) == 0;
    }

    protected void assertNoViolations(List<OrderView> orders) {
        assertThat(Invariants.violations(domain, orders)).as("invariant violations").isEmpty();
    }
}
