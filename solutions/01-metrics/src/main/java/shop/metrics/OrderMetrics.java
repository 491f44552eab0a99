package shop.metrics;

import static shop.observe.MeterNames.ORDERS_COMPENSATED;
import static shop.observe.MeterNames.ORDERS_COMPLETED;
import static shop.observe.MeterNames.ORDERS_IN_FLIGHT;
import static shop.observe.MeterNames.ORDERS_PLACED;
import static shop.observe.MeterNames.ORDERS_REJECTED;
import static shop.observe.MeterNames.ORDERS_TERMINATED;
import static shop.observe.MeterNames.ORDER_DURATION;
import static shop.observe.MeterNames.STEP_DURATION;
import static shop.observe.MeterNames.TAG_IMPL;
import static shop.observe.MeterNames.TAG_OUTCOME;
import static shop.observe.MeterNames.TAG_SERVICE;
import static shop.observe.MeterNames.TAG_STATUS;
import static shop.observe.MeterNames.TAG_STEP;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import shop.domain.Order;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;

/** The business meters of the order flow, the same for every flow; the {@code impl} tag tells them apart. */
public final class OrderMetrics implements OrderListener {
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void placed(String impl, Order order) {
        // TODO 1: every order placed counts once in ORDERS_PLACED, per flow (TAG_IMPL). Micrometer: a Counter.
        // tag::placed-counter[]
        Counter.builder(ORDERS_PLACED)
                .description("Orders accepted by the shop")
                .tag(TAG_IMPL, impl)
                .register(registry)
                .increment();
        // end::placed-counter[]
        // end TODO 1
        // TODO 5: this flow has one more order in flight (the gauge's value, from inFlight below)
        inFlight(impl).incrementAndGet();
        // end TODO 5
    }

    @Override
    public void stepFinished(String impl, String service, String step, Duration duration, String outcome) {
        // TODO 4: every step's duration is in STEP_DURATION, told apart by flow, service, step and outcome (the tag
        //   names are in MeterNames), as a histogram Prometheus can take percentiles from. Micrometer: a Timer.
        // tag::step-timer[]
        Timer.builder(STEP_DURATION)
                .description("Time a step of the order flow took, retries included")
                .tags(TAG_IMPL, impl, TAG_SERVICE, service, TAG_STEP, step, TAG_OUTCOME, outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(duration);
        // end::step-timer[]
        // end TODO 4
    }

    @Override
    public void finished(String impl, Order order, OrderStatus status, boolean compensated, Duration endToEnd) {
        // TODO 2: every order that ends counts once, per flow, as completed or rejected by its status; a rejected
        //   order whose earlier steps were undone counts as compensated too (the names are in MeterNames).
        String outcome = status == OrderStatus.COMPLETED ? ORDERS_COMPLETED : ORDERS_REJECTED;
        Counter.builder(outcome).tag(TAG_IMPL, impl).register(registry).increment();
        if (compensated) {
            Counter.builder(ORDERS_COMPENSATED)
                    .description("Orders rejected after earlier steps were undone")
                    .tag(TAG_IMPL, impl)
                    .register(registry)
                    .increment();
        }
        // end TODO 2
        // TODO 3: the end-to-end time of every order is in ORDER_DURATION, per flow and final status, as a
        //   histogram Prometheus can take percentiles from.
        Timer.builder(ORDER_DURATION)
                .description("From order placed to its final state")
                .tags(TAG_IMPL, impl, TAG_STATUS, status.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)
                .record(endToEnd);
        // end TODO 3
        // TODO 5: one order fewer in flight
        inFlight(impl).decrementAndGet();
        // end TODO 5
    }

    /** Given: a workflow terminated from outside (lab 09); {@link #finished} counts it as rejected right after. */
    @Override
    public void terminated(String impl, Order order) {
        Counter.builder(ORDERS_TERMINATED)
                .description("Orders ended from outside with nothing undone (a terminated workflow)")
                .tag(TAG_IMPL, impl)
                .register(registry)
                .increment();
    }

    /** The in-flight gauge for one impl, registered the first time it is asked for. */
    // tag::in-flight-gauge[]
    private AtomicInteger inFlight(String impl) {
        // TODO 5: ORDERS_IN_FLIGHT, per flow, reads the number this method returns: one gauge and one number
        //   per impl, the same number on every call. Micrometer: a gauge on the registry.
        return inFlight.computeIfAbsent(impl, key ->
                registry.gauge(ORDERS_IN_FLIGHT, Tags.of(TAG_IMPL, key), new AtomicInteger()));
        // end TODO 5
    }
    // end::in-flight-gauge[]
}
