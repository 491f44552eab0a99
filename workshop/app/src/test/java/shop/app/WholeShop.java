package shop.app;

import java.util.List;
import java.util.Map;
import java.util.Set;

import shop.domain.Domain;
import shop.infra.Ports;
import shop.metrics.OrderMetrics;
import shop.run.Shop;
import shop.run.ShopOptions;

/** A whole shop as {@code ./shop run} starts it (every flow, embedded Kafka and Temporal), on free loopback ports. */
final class WholeShop {
    private WholeShop() {}

    static Shop start() {
        return Shop.start(leaving(List.of(), Set.of()), OrderMetrics::new, line -> {});
    }

    /** A shop on free loopback ports running these flows (all if empty), with these services left to their own processes. */
    static ShopOptions leaving(List<String> impls, Set<String> servicesElsewhere) {
        return new ShopOptions(Ports.pickFree(), Ports.pickFree(), Ports.pickFree(), impls, servicesElsewhere,
                Domain.DEFAULT_STOCK_PER_SKU, Map.of());
    }

    /** A {@code --service} process beside that shop: its Kafka and Temporal, any free HTTP port. */
    static ShopOptions serviceBeside(ShopOptions shop) {
        return new ShopOptions(0, shop.kafkaPort(), shop.temporalPort(), List.of(), Set.of(), Domain.DEFAULT_STOCK_PER_SKU,
                Map.of());
    }
}
