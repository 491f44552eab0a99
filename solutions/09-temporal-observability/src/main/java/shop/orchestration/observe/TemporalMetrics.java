package shop.orchestration.observe;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * The Temporal SDK reports its own metrics (workflow and activity latencies, polls, failures) to a Tally
 * scope; this reporter turns them into Micrometer meters in the shop's registry, next to the business meters.
 */
public final class TemporalMetrics {
    private TemporalMetrics() {}

    public static Scope scope(MeterRegistry registry) {
        // TODO 1: a Tally root scope whose metrics land in this registry as Micrometer meters, reported every second.
        //   API: RootScopeBuilder (com.uber.m3.tally), MicrometerClientStatsReporter (io.temporal.common.reporter).
        return new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(registry))
                .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));
        // end TODO 1
    }
}
