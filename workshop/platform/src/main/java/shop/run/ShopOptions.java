package shop.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import shop.api.ShopServer;
import shop.flow.Parallelism;
import shop.infra.Infrastructure;

/**
 * How to start the shop.
 *
 * @param impls           flows to run, in order; the first is the default for POST /orders. Empty: every flow found
 * @param skippedServices parts of a flow that run in another process, e.g. "payment" or "worker"
 * @param env             where KAFKA_BOOTSTRAP_SERVERS and TEMPORAL_ADDRESS are read from
 * @param host            the address the HTTP server listens on: loopback unless Prometheus in a container must
 *                        reach it (on Linux, the Docker bridge address, e.g. 172.17.0.1)
 * @param kafkaData       where the embedded Kafka keeps its log across restarts; null: a temporary directory
 * @param freshData       wipe that log before starting
 * @param parallelism     consumers per service group, task slots per worker
 */
public record ShopOptions(int port, int kafkaPort, int temporalPort, List<String> impls, Set<String> skippedServices,
                          int stockPerSku, Map<String, String> env, String host, Path kafkaData, boolean freshData,
                          Parallelism parallelism) {
    public ShopOptions {
        impls = List.copyOf(impls);
        skippedServices = Set.copyOf(skippedServices);
        env = Map.copyOf(env);
    }

    public ShopOptions(int port, int kafkaPort, int temporalPort, List<String> impls, Set<String> skippedServices,
                       int stockPerSku, Map<String, String> env, String host, Path kafkaData, boolean freshData) {
        this(port, kafkaPort, temporalPort, impls, skippedServices, stockPerSku, env, host, kafkaData, freshData,
                Parallelism.DEFAULT);
    }

    public ShopOptions(int port, int kafkaPort, int temporalPort, List<String> impls, Set<String> skippedServices,
                       int stockPerSku, Map<String, String> env, String host) {
        this(port, kafkaPort, temporalPort, impls, skippedServices, stockPerSku, env, host, null, false);
    }

    public ShopOptions(int port, int kafkaPort, int temporalPort, List<String> impls, Set<String> skippedServices,
                       int stockPerSku, Map<String, String> env) {
        this(port, kafkaPort, temporalPort, impls, skippedServices, stockPerSku, env, ShopServer.LOOPBACK);
    }

    public static ShopOptions defaults() {
        return new ShopOptions(ShopServer.DEFAULT_PORT, Infrastructure.DEFAULT_KAFKA_PORT,
                Infrastructure.DEFAULT_TEMPORAL_PORT, List.of(), Set.of(), shop.domain.Domain.DEFAULT_STOCK_PER_SKU,
                System.getenv());
    }

    /** The same options with the embedded Kafka's log kept in {@code dir} (wiped first if {@code fresh}). */
    public ShopOptions withKafkaData(Path dir, boolean fresh) {
        return new ShopOptions(port, kafkaPort, temporalPort, impls, skippedServices, stockPerSku, env, host, dir, fresh,
                parallelism);
    }

    public ShopOptions withParallelism(Parallelism next) {
        return new ShopOptions(port, kafkaPort, temporalPort, impls, skippedServices, stockPerSku, env, host, kafkaData,
                freshData, next);
    }
}
