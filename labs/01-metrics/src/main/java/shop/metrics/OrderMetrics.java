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
        // TODO 1: count placed orders, tagged by impl.
        //   Counter.builder(ORDERS_PLACED) ... .tag(TAG_IMPL, impl).register(registry).increment()
        // end TODO 1
        // TODO 5: one more order in flight: inFlight(impl).incrementAndGet()
        // end TODO 5
    }

    @Override
    public void stepFinished(String impl, String service, String step, Duration duration, String outcome) {
        // TODO 4: time each step with a Timer named STEP_DURATION, tagged TAG_IMPL, TAG_SERVICE, TAG_STEP and
        //   TAG_OUTCOME, with .publishPercentileHistogram() so Prometheus gets buckets, then .record(duration)
        // end TODO 4
    }

    @Override
    public void finished(String impl, Order order, OrderStatus status, boolean compensated, Duration endToEnd) {
        // TODO 2: count ORDERS_COMPLETED or ORDERS_REJECTED (by status), and ORDERS_COMPENSATED if compensated;
        //   every counter tagged TAG_IMPL
        // end TODO 2
        // TODO 3: record endToEnd in a Timer named ORDER_DURATION, tagged TAG_IMPL and TAG_STATUS (status.name()),
        //   with a histogram (.publishPercentileHistogram())
        // end TODO 3
        // TODO 5: one order fewer in flight
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
    private AtomicInteger inFlight(String impl) {
        // TODO 5: register a gauge named ORDERS_IN_FLIGHT tagged TAG_IMPL that reads an AtomicInteger,
        //   once per impl: inFlight.computeIfAbsent(impl, key -> registry.gauge(..., new AtomicInteger()))
        return new AtomicInteger();
        // end TODO 5
    }
}
