package shop.flow;

import io.micrometer.core.instrument.MeterRegistry;
import shop.domain.Domain;

/**
 * Everything a flow may use: the domain services, the meter registry, the order listener (metrics),
 * and where the infrastructure is.
 *
 * @param kafkaBootstrapServers e.g. "127.0.0.1:9092"
 * @param temporalTarget        e.g. "127.0.0.1:7233"
 */
public record ShopContext(Domain domain, MeterRegistry registry, OrderListener listener,
                          String kafkaBootstrapServers, String temporalTarget) {
}
