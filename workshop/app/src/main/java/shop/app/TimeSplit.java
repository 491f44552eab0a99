package shop.app;

import java.util.Locale;

/**
 * Where an order's time goes, as medians of the fixed-rate run: inside the steps (the services' or activities' own
 * work) and between them (coordination). An order of {@code steps} steps has {@code steps + 1} hand-offs: from
 * placing to the first step, between steps, and from the last step to the final state.
 */
record TimeSplit(double endToEndMillis, double insideStepsMillis, int steps) {
    static final TimeSplit NONE = new TimeSplit(Double.NaN, Double.NaN, 0);

    double betweenStepsMillis() {
        return Math.max(0, endToEndMillis - insideStepsMillis);
    }

    double perHandOffMillis() {
        return steps == 0 ? Double.NaN : betweenStepsMillis() / (steps + 1);
    }

    String line() {
        return String.format(Locale.ROOT, "median %.1f ms end to end: %.1f ms inside %d steps, %.1f ms between them"
                + " = %.1f ms per hand-off (%d hand-offs)", endToEndMillis, insideStepsMillis, steps,
                betweenStepsMillis(), perHandOffMillis(), steps + 1);
    }
}
