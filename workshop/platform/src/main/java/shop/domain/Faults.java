package shop.domain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fault switches shared by the domain services, changeable while the shop runs (PUT /faults).
 * Defaults: no faults. Every domain call passes through {@link #beforeCall(Service)}.
 */
public final class Faults {
    private volatile FaultSettings settings = FaultSettings.none();

    public FaultSettings settings() {
        return settings;
    }

    /** Replaces all settings at once, or throws {@link IllegalArgumentException} and keeps the old ones. */
    public void apply(FaultSettings next) {
        next.validate();
        settings = next;
    }

    public void reset() {
        settings = FaultSettings.none();
    }

    void beforeCall(Service service) {
        strike(service.id(), settings.service(service));
    }

    /** What one service's switches do to a call: fail because it is down, slow it down, or fail it now and then. */
    public static void strike(String serviceId, FaultSettings.ServiceFaults faults) {
        if (faults.down()) {
            throw new TransientFailure(serviceId + " service is down");
        }
        if (faults.latencyMs() > 0) {
            sleep(Duration.ofMillis(faults.latencyMs()));
        }
        if (chance(faults.transientErrorRate())) {
            throw new TransientFailure(serviceId + " service had a transient error");
        }
    }

    boolean declineCard() {
        return chance(settings.declineRate());
    }

    boolean carrierUnavailable() {
        return chance(settings.carrierUnavailableRate());
    }

    boolean outOfStock(String sku) {
        return settings.outOfStock().contains(sku);
    }

    private static boolean chance(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while slowed down by a latency fault");
        }
    }
}
