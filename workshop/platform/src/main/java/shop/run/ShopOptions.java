package shop.run;

import java.util.List;
import java.util.Map;
import java.util.Set;

import shop.api.ShopServer;
import shop.infra.Infrastructure;

/**
 * How to start the shop.
 *
 * @param impls           flows to run, in order; the first is the default for POST /orders. Empty: every flow found
 * @param skippedServices parts of a flow that run in another process, e.g. "payment" or "worker"
 * @param env             where KAFKA_BOOTSTRAP_SERVERS and TEMPORAL_ADDRESS are read from
 */
public record ShopOptions(int port, int kafkaPort, int temporalPort, List<String> impls, Set<String> skippedServices,
                          int stockPerSku, Map<String, String> env) {
    public ShopOptions {
        impls = List.copyOf(impls);
        skippedServices = Set.copyOf(skippedServices);
        env = Map.copyOf(env);
    }

    public static ShopOptions defaults() {
        return new ShopOptions(ShopServer.DEFAULT_PORT, Infrastructure.DEFAULT_KAFKA_PORT,
                Infrastructure.DEFAULT_TEMPORAL_PORT, List.of(), Set.of(), shop.domain.Domain.DEFAULT_STOCK_PER_SKU,
                System.getenv());
    }
}
