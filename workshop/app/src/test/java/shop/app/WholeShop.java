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
        return Shop.start(new ShopOptions(Ports.pickFree(), Ports.pickFree(), Ports.pickFree(), List.of(), Set.of(),
                Domain.DEFAULT_STOCK_PER_SKU, Map.of(), "127.0.0.1"), OrderMetrics::new, line -> {});
    }
}
