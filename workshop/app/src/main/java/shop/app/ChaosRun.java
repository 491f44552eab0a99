package shop.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import shop.domain.Catalog;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.domain.Service;
import shop.flow.Consistency;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.OrderView;
import shop.flow.ShopContext;

/**
 * One flow under chaos: orders placed while faults are on, some placed twice, and one part of the flow
 * (a Kafka handler, the Temporal worker) killed and restarted half way; in the choreography, a poison record too.
 * Then the consistency checker.
 */
final class ChaosRun {
    /** The part each flow runs separately so it can be killed: the first of its services that is not "order". */
    private final FlowFactory factory;
    private final String kafka;
    private final String temporal;
    private final PrintWriter out;

    ChaosRun(FlowFactory factory, String kafka, String temporal, PrintWriter out) {
        this.factory = factory;
        this.kafka = kafka;
        this.temporal = temporal;
        this.out = out;
    }

    Consistency.Summary run(int count, Duration patience, ChaosMeters meters) throws Exception {
        Domain domain = new Domain(Catalog.demo(), count);
        Map<String, Integer> stockBefore = domain.inventory().stockLevels();
        String victim = factory.services().stream().filter(name -> !name.equals("order")).findFirst().orElse(null);
        ShopContext context = new ShopContext(domain, meters.registry(), meters.listener(), kafka, temporal,
                victim == null ? Set.of() : Set.of(victim));
        List<Order> orders = new ArrayList<>();
        Map<String, OrderView> views = new HashMap<>();
        try (OrderFlow flow = factory.create(context)) {
            AutoCloseable part = victim == null ? null : factory.startService(victim, context);
            domain.faults().apply(chaos(false));
            poisonTheChoreography(); // first, so that its dead letters are metered while this flow runs
            for (int i = 0; i < count; i++) {
                if (i == count / 3) {
                    domain.faults().apply(chaos(true));
                }
                if (i == 2 * count / 3) {
                    domain.faults().apply(chaos(false));
                }
                if (part != null && i == count / 2) {
                    out.printf("  %s: killing the %s service with %d orders placed%n", factory.name(), victim, i);
                    part.close();
                    Thread.sleep(1_000);
                    part = factory.startService(victim, context);
                    out.printf("  %s: %s service restarted%n", factory.name(), victim);
                }
                Order order = order(domain, i);
                flow.place(order);
                if (i % 10 == 0) {
                    flow.place(order);
                }
                orders.add(order);
                if (i % 20 == 0) {
                    Thread.sleep(10);
                }
                if (i > 0 && i % 250 == 0) {
                    out.printf("  %s: %d/%d placed%n", factory.name(), i, count);
                }
            }
            awaitFinal(flow, orders, views, patience);
            meters.awaitAScrapeOfTheFlowsMeters();
            domain.faults().reset();
            if (part != null) {
                part.close();
            }
        }
        return new Consistency(domain, orders, views, stockBefore).check();
    }

    /** A record no handler can read, which each consumer group must dead-letter and go past. */
    private void poisonTheChoreography() throws Exception {
        if (!factory.name().equals("choreography")) {
            return;
        }
        try (OrderEventsLog log = new OrderEventsLog(kafka)) {
            log.publish(PoisonRecord.to(log.events()));
            out.printf("  %s: published a poison record to %s, for each consumer group to dead-letter%n",
                    factory.name(), log.events());
        }
    }

    /** Declines, no carrier, transient errors and latency everywhere; out of stock LAMP-1 in the middle third. */
    private static FaultSettings chaos(boolean lampsOut) {
        FaultSettings faults = FaultSettings.none().withDeclineRate(0.1).withCarrierUnavailableRate(0.05)
                .withOutOfStock(lampsOut ? Set.of("LAMP-1") : Set.of());
        for (Service service : Service.values()) {
            faults = faults.withService(service, new FaultSettings.ServiceFaults(false, 2, 0.1));
        }
        return faults;
    }

    private static Order order(Domain domain, int i) {
        List<String> skus = List.copyOf(domain.catalog().skus());
        String sku = skus.get(i % skus.size());
        return new Order("chaos-" + UUID.randomUUID(), "chaos-" + (i % 50),
                List.of(new OrderLine(sku, 1 + i % 2, domain.catalog().priceCents(sku).orElseThrow())));
    }

    private void awaitFinal(OrderFlow flow, List<Order> orders, Map<String, OrderView> views, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long lastReport = System.nanoTime();
        while (true) {
            int pending = 0;
            for (Order order : orders) {
                OrderView known = views.get(order.id());
                if (known != null && known.status().isFinal()) {
                    continue;
                }
                OrderView view = flow.view(order.id()).orElse(null);
                if (view != null) {
                    views.put(order.id(), view);
                }
                if (view == null || !view.status().isFinal()) {
                    pending++;
                }
            }
            if (pending == 0 || System.nanoTime() > deadline) {
                return;
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                out.printf("  %s: %d orders not final yet%n", flow.name(), pending);
            }
            Thread.sleep(100);
        }
    }
}
