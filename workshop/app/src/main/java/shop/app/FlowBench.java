package shop.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderFlow;

/**
 * Drives one running flow: as fast as it goes, then at a fixed rate; in-process, through {@link OrderFlow}. It learns
 * that an order ended from the flow's listener ({@link StepClock}), as the flow's meters do.
 */
final class FlowBench {
    static final int CLIENTS = 16;
    private static final long PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final OrderFlow flow;
    private final Domain domain;
    private final StepClock clock;
    private final PrintWriter out;

    FlowBench(OrderFlow flow, Domain domain, StepClock clock, PrintWriter out) {
        this.flow = flow;
        this.domain = domain;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Orders placed by {@link #CLIENTS} threads at once, as many clients would, as fast as the flow accepts them.
     *
     * @return orders per second, from the first order placed to the last one final
     */
    double saturation(int count) throws InterruptedException {
        long start = System.nanoTime();
        List<Order> orders = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < count; i++) {
            int n = i;
            clients.execute(() -> orders.add(place(n)));
        }
        clients.shutdown();
        if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(flow.name() + ": placing " + count + " orders took over 5 minutes");
        }
        awaitAllFinal(List.copyOf(orders), "saturation");
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** @return end-to-end latencies in ms of {@code count} orders placed at {@code perSecond} */
    Percentiles atRate(int count, double perSecond) throws InterruptedException {
        long interval = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(place(i));
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        return new Percentiles(awaitAllFinal(orders, "fixed rate"));
    }

    private Order place(int i) {
        String sku = List.copyOf(domain.catalog().skus()).get(i % domain.catalog().skus().size());
        Order order = new Order("bench-" + UUID.randomUUID(), "bench",
                List.of(new OrderLine(sku, 1, domain.catalog().priceCents(sku).orElseThrow())));
        flow.place(order);
        return order;
    }

    /** @return the orders' end-to-end times in ms */
    private List<Double> awaitAllFinal(List<Order> orders, String phase) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        long lastReport = System.nanoTime();
        List<Double> done = new ArrayList<>();
        List<Order> pending = new ArrayList<>(orders);
        while (!pending.isEmpty()) {
            pending.removeIf(order -> {
                Double endToEnd = clock.endToEndOf(order.id());
                return endToEnd != null && done.add(endToEnd);
            });
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(flow.name() + ": " + pending.size() + " orders not final after 5 minutes");
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                out.printf("    %s %s: %d/%d final%n", flow.name(), phase, done.size(), orders.size());
                out.flush();
            }
            Thread.sleep(5);
        }
        return done;
    }
}
