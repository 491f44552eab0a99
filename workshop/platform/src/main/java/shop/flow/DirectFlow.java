package shop.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import shop.domain.BusinessFailure;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.Service;
import shop.domain.TransientFailure;

/**
 * The baseline: one thread per order calls payment, inventory and shipping in turn, in process, and undoes
 * what was done when a later step says no. No broker, no workflow engine, and no memory of in-flight
 * orders across a restart.
 */
public final class DirectFlow implements OrderFlow {
    public static final String NAME = "direct";

    private final Domain domain;
    private final OrderListener listener;
    private final Clock clock;
    private final Retry retry;
    private final Map<String, TimelineRecorder> orders = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    public DirectFlow(Domain domain, OrderListener listener) {
        this(domain, listener, Clock.systemUTC(), Retry.DEFAULT, 8);
    }

    public DirectFlow(Domain domain, OrderListener listener, Clock clock, Retry retry, int threads) {
        this.domain = domain;
        this.listener = listener;
        this.clock = clock;
        this.retry = retry;
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "direct-flow");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void place(Order order) {
        TimelineRecorder recorder = new TimelineRecorder(order, NAME, clock);
        if (orders.putIfAbsent(order.id(), recorder) != null) {
            return;
        }
        listener.placed(NAME, order);
        try {
            workers.execute(io.opentelemetry.context.Context.current().wrap(() -> run(order, recorder)));
        } catch (RuntimeException notStarted) {
            orders.remove(order.id()); // so that placing it again starts it
            throw notStarted;
        }
    }

    @Override
    public Optional<OrderView> view(String orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(TimelineRecorder::view);
    }

    private void run(Order order, TimelineRecorder timeline) {
        String id = order.id();
        try {
            step(timeline, Service.PAYMENT, "charge", retry,
                    () -> domain.payments().charge(id + ":charge", id, order.customer(), order.totalCents()));
        } catch (BusinessFailure | TransientFailure e) {
            finish(order, timeline, OrderStatus.REJECTED, reason(e));
            return;
        }
        try {
            step(timeline, Service.INVENTORY, "reserve", retry,
                    () -> { domain.inventory().reserve(id + ":reserve", id, order.lines()); return null; });
        } catch (BusinessFailure | TransientFailure e) {
            refund(id, timeline);
            finish(order, timeline, OrderStatus.REJECTED, reason(e));
            return;
        }
        // tag::direct-compensation[]
        try {
            step(timeline, Service.SHIPPING, "book", retry,
                    () -> domain.shipping().book(id + ":book", id, order.customer()));
        } catch (BusinessFailure | TransientFailure e) {
            release(id, timeline);
            refund(id, timeline);
            finish(order, timeline, OrderStatus.REJECTED, reason(e));
            return;
        }
        // end::direct-compensation[]
        finish(order, timeline, OrderStatus.COMPLETED, null);
    }

    private void refund(String id, TimelineRecorder timeline) {
        timeline.compensated();
        step(timeline, Service.PAYMENT, "refund", Retry.UNTIL_DONE,
                () -> { domain.payments().refund(id + ":refund", id); return null; });
    }

    private void release(String id, TimelineRecorder timeline) {
        timeline.compensated();
        step(timeline, Service.INVENTORY, "release", Retry.UNTIL_DONE,
                () -> { domain.inventory().release(id + ":release", id); return null; });
    }

    private <T> T step(TimelineRecorder timeline, Service service, String step, Retry policy, Supplier<T> call) {
        timeline.started(step);
        Instant startedAt = timeline.now();
        String outcome = "ok";
        try {
            return policy.call(call);
        } catch (BusinessFailure | TransientFailure e) {
            outcome = reason(e);
            throw e;
        } finally {
            timeline.record(service.id(), step, startedAt, outcome);
            listener.stepFinished(NAME, service.id(), step, Duration.between(startedAt, timeline.now()), outcome);
        }
    }

    private void finish(Order order, TimelineRecorder timeline, OrderStatus status, String reason) {
        Duration endToEnd = timeline.finish(status, reason);
        listener.finished(NAME, order, status, timeline.isCompensated(), endToEnd);
    }

    private static String reason(RuntimeException e) {
        return e instanceof BusinessFailure business ? business.reason() : "gave-up-after-retries";
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
