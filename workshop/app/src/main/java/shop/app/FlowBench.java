package shop.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderFlow;
import shop.flow.OrderView;

/** Drives one running flow: as fast as it goes, then at a fixed rate; in-process, through {@link OrderFlow}. */
final class FlowBench {
    private final OrderFlow flow;
    private final Domain domain;
    private final PrintWriter out;

    FlowBench(OrderFlow flow, Domain domain, PrintWriter out) {
        this.flow = flow;
        this.domain = domain;
        this.out = out;
    }

    /** @return orders per second, from the first order placed to the last one final */
    double saturation(int count) throws InterruptedException {
        long start = System.nanoTime();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(place(i));
        }
        awaitAllFinal(orders, "saturation");
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
        List<Double> latencies = new ArrayList<>();
        for (OrderView view : awaitAllFinal(orders, "fixed rate")) {
            latencies.add(Duration.between(view.placedAt(), view.finishedAt()).toNanos() / 1e6);
        }
        return new Percentiles(latencies);
    }

    private Order place(int i) {
        String sku = List.copyOf(domain.catalog().skus()).get(i % domain.catalog().skus().size());
        Order order = new Order("bench-" + UUID.randomUUID(), "bench",
                List.of(new OrderLine(sku, 1, domain.catalog().priceCents(sku).orElseThrow())));
        flow.place(order);
        return order;
    }

    private List<OrderView> awaitAllFinal(List<Order> orders, String phase) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long lastReport = System.nanoTime();
        List<OrderView> done = new ArrayList<>();
        int next = 0;
        while (next < orders.size()) {
            OrderView view = flow.view(orders.get(next).id()).orElse(null);
            if (view != null && view.status().isFinal()) {
                done.add(view);
                next++;
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(flow.name() + ": " + (orders.size() - next) + " orders not final after 5 minutes");
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                out.printf("    %s %s: %d/%d final%n", flow.name(), phase, next, orders.size());
            }
            Thread.sleep(5);
        }
        return done;
    }
}
