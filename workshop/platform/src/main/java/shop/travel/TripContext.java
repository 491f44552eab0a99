package shop.travel;

/**
 * Everything a trip flow may use: the travel services, the listener that counts trips (the meters), and where the
 * infrastructure is.
 *
 * @param kafkaBootstrapServers e.g. "127.0.0.1:9092"
 * @param temporalTarget        e.g. "127.0.0.1:7233"
 */
public record TripContext(Travel travel, TripListener listener, String kafkaBootstrapServers, String temporalTarget) {}
