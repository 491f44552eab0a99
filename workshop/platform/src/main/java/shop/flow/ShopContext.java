package shop.flow;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import shop.domain.Domain;

/**
 * Everything a flow may use: the domain services, the meter registry, the order listener (metrics),
 * and where the infrastructure is.
 *
 * @param kafkaBootstrapServers e.g. "127.0.0.1:9092"
 * @param temporalTarget        e.g. "127.0.0.1:7233"
 * @param skippedServices       parts of the flow that run in another process ({@code run --skip-service}),
 *                              so this process must not start them
 * @param parallelism           consumers per group, task slots per worker ({@code run --consumers}, {@code --activity-slots})
 */
public record ShopContext(Domain domain, MeterRegistry registry, OrderListener listener,
                          String kafkaBootstrapServers, String temporalTarget, Set<String> skippedServices,
                          Parallelism parallelism) {
    public ShopContext {
        skippedServices = Set.copyOf(skippedServices);
    }

    public ShopContext(Domain domain, MeterRegistry registry, OrderListener listener,
                       String kafkaBootstrapServers, String temporalTarget, Set<String> skippedServices) {
        this(domain, registry, listener, kafkaBootstrapServers, temporalTarget, skippedServices, Parallelism.DEFAULT);
    }

    public ShopContext(Domain domain, MeterRegistry registry, OrderListener listener,
                       String kafkaBootstrapServers, String temporalTarget) {
        this(domain, registry, listener, kafkaBootstrapServers, temporalTarget, Set.of());
    }

    public ShopContext withParallelism(Parallelism parallelism) {
        return new ShopContext(domain, registry, listener, kafkaBootstrapServers, temporalTarget, skippedServices, parallelism);
    }

    public boolean runsHere(String service) {
        return !skippedServices.contains(service);
    }
}
