package shop.app;

import java.util.List;

/**
 * One flow's figures from {@code bench}.
 *
 * @param saturationPerSecond orders completed per second when placed as fast as possible
 * @param baselines           what the flow's baselines did in the same run: the same-shape one first, if any
 * @param split               where an order's time went in the fixed-rate run
 */
record BenchResult(String impl, int saturationOrders, double saturationPerSecond, int latencyOrders, double rate,
                   double p50Millis, double p95Millis, double p99Millis, List<Baseline> baselines, TimeSplit split) {

    /**
     * @param sameShape true for the flow with its logic taken out; false for the bare infrastructure
     *                  (records produced once, a workflow of no-op activities)
     */
    record Baseline(String what, double perSecond, boolean sameShape) {}

    BenchResult {
        baselines = List.copyOf(baselines);
    }

    /** The flow's throughput as a share of its same-shape baseline's, or NaN if it has none. */
    double ratioToSameShape() {
        return baselines.stream().filter(Baseline::sameShape).findFirst().map(this::ratioTo).orElse(Double.NaN);
    }

    double ratioTo(Baseline baseline) {
        return baseline.perSecond() > 0 ? saturationPerSecond / baseline.perSecond() : Double.NaN;
    }
}
