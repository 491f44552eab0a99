package shop.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What can go wrong, as one immutable value (it is also the JSON of GET/PUT /faults).
 *
 * @param declineRate            chance (0..1) that a charge is declined
 * @param carrierUnavailableRate chance (0..1) that no carrier can be booked
 * @param outOfStock             SKUs that cannot be reserved
 * @param services               per service: down, added latency, transient error rate
 */
public record FaultSettings(double declineRate, double carrierUnavailableRate, Set<String> outOfStock,
                            Map<Service, ServiceFaults> services) {

    public record ServiceFaults(boolean down, long latencyMs, double transientErrorRate) {
        public static final ServiceFaults HEALTHY = new ServiceFaults(false, 0, 0);
    }

    public FaultSettings {
        outOfStock = outOfStock == null ? Set.of() : Set.copyOf(outOfStock);
        Map<Service, ServiceFaults> all = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            all.put(service, ServiceFaults.HEALTHY);
        }
        if (services != null) {
            services.forEach((service, faults) -> all.put(service, faults == null ? ServiceFaults.HEALTHY : faults));
        }
        services = Map.copyOf(all);
    }

    public static FaultSettings none() {
        return new FaultSettings(0, 0, Set.of(), Map.of());
    }

    public ServiceFaults service(Service service) {
        return services.get(service);
    }

    public FaultSettings withDeclineRate(double rate) {
        return new FaultSettings(rate, carrierUnavailableRate, outOfStock, services);
    }

    public FaultSettings withCarrierUnavailableRate(double rate) {
        return new FaultSettings(declineRate, rate, outOfStock, services);
    }

    public FaultSettings withOutOfStock(Set<String> skus) {
        return new FaultSettings(declineRate, carrierUnavailableRate, skus, services);
    }

    public FaultSettings withService(Service service, ServiceFaults faults) {
        Map<Service, ServiceFaults> next = new EnumMap<>(services);
        next.put(service, faults);
        return new FaultSettings(declineRate, carrierUnavailableRate, outOfStock, next);
    }

    /** Throws {@link IllegalArgumentException} whose message starts with the offending field's name. */
    public void validate() {
        requireRate("declineRate", declineRate);
        requireRate("carrierUnavailableRate", carrierUnavailableRate);
        services.forEach((service, faults) -> {
            requireRate("services." + service.name() + ".transientErrorRate", faults.transientErrorRate());
            if (faults.latencyMs() < 0 || faults.latencyMs() > 60_000) {
                throw new IllegalArgumentException("services." + service.name()
                        + ".latencyMs: must be between 0 and 60000, was " + faults.latencyMs());
            }
        });
    }

    private static void requireRate(String field, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(field + ": must be a rate between 0 and 1, was " + rate);
        }
    }
}
