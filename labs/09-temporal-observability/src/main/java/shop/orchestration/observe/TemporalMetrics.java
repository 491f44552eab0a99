package shop.orchestration.observe;

import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import shop.lab.Todo;

/**
 * The Temporal SDK reports its own metrics (workflow and activity latencies, polls, failures) to a Tally
 * scope; this reporter turns them into Micrometer meters in the shop's registry, next to the business meters.
 */
public final class TemporalMetrics {
    private TemporalMetrics() {}

    public static Scope scope(MeterRegistry registry) {
        // TODO 1: a Tally root scope whose metrics land in this registry as Micrometer meters, reported every second.
        //   API: RootScopeBuilder (com.uber.m3.tally), MicrometerClientStatsReporter (io.temporal.common.reporter).
        throw new Todo(1, "report the SDK's metrics into the registry in TemporalMetrics.scope");
        // end TODO 1
    }
}
