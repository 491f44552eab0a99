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
        FaultSettings.ServiceFaults faults = settings.service(service);
        if (faults.down()) {
            throw new TransientFailure(service.id() + " service is down");
        }
        if (faults.latencyMs() > 0) {
            sleep(Duration.ofMillis(faults.latencyMs()));
        }
        if (chance(faults.transientErrorRate())) {
            throw new TransientFailure(service.id() + " service had a transient error");
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
