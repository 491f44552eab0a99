package shop.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderFlow;
import shop.flow.OrderView;

/** Drives one running flow: as fast as it goes, then at a fixed rate; in-process, through {@link OrderFlow}. */
final class FlowBench {
    static final int CLIENTS = 16;

    private final OrderFlow flow;
    private final Domain domain;
    private final PrintWriter out;

    FlowBench(OrderFlow flow, Domain domain, PrintWriter out) {
        this.flow = flow;
        this.domain = domain;
        this.out = out;
    }

    /**
     * Orders placed by {@link #CLIENTS} threads at once, as many clients would, as fast as the flow accepts them.
     *
     * @return orders per second, from the first order placed to the last one final
     */
    double saturation(int count) throws InterruptedException {
        long start = System.nanoTime();
        List<Order> orders = java.util.Collections.synchronizedList(new ArrayList<>());
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
        Map<String, OrderView> done = new LinkedHashMap<>();
        while (done.size() < orders.size()) {
            for (Order order : orders) {
                if (!done.containsKey(order.id())) {
                    flow.view(order.id()).filter(view -> view.status().isFinal()).ifPresent(view -> done.put(order.id(), view));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(flow.name() + ": " + (orders.size() - done.size())
                        + " orders not final after 5 minutes");
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                out.printf("    %s %s: %d/%d final%n", flow.name(), phase, done.size(), orders.size());
            }
            Thread.sleep(20);
        }
        return List.copyOf(done.values());
    }
}
