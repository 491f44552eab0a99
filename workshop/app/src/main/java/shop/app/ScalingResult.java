package shop.app;

/**
 * One setting of the scaling run: a slow step, orders at a fixed rate, and this much parallelism.
 *
 * @param setting        consumers per group (choreography) or activity slots (orchestration)
 * @param working        how many of them can work: consumers beyond the partition count stay idle
 * @param waitingMax     choreography: the payment group's largest lag (records); orchestration: the charge
 *                       activity's longest schedule-to-start (ms)
 * @param waitingMean    orchestration: the mean schedule-to-start (ms); choreography: NaN
 * @param offeredRate    orders placed per second
 * @param slowMillis     how long the payment step takes
 */
record ScalingResult(String impl, String knob, int setting, int working, double perSecond, double p95Millis,
                     String waitingWhat, double waitingMax, double waitingMean, double offeredRate, long slowMillis) {
    /**
     * What {@code working} parallel steps of {@code slowMillis} can do, and never more than what is offered. The
     * measured rate counts from the first order placed to the last one final, so it stays below this even when
     * nothing waits.
     */
    double ideal() {
        return slowMillis == 0 ? offeredRate : Math.min(offeredRate, working * 1000.0 / slowMillis);
    }

    boolean capped() {
        return working < setting;
    }
}
