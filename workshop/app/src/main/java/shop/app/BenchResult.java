package shop.app;

/**
 * One flow's figures from {@code bench}.
 *
 * @param saturationPerSecond orders completed per second when placed as fast as possible
 * @param baseline            what the raw infrastructure did in the same run, or null
 * @param baselinePerSecond   its rate, or 0
 */
record BenchResult(String impl, int saturationOrders, double saturationPerSecond, int latencyOrders, double rate,
                   double p50Millis, double p95Millis, double p99Millis, String baseline, double baselinePerSecond) {

    /** The flow's throughput as a share of the raw infrastructure's, or NaN if there is no baseline. */
    double ratioToBaseline() {
        return baselinePerSecond > 0 ? saturationPerSecond / baselinePerSecond : Double.NaN;
    }
}
