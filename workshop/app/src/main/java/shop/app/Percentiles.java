package shop.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of latencies in milliseconds. */
final class Percentiles {
    private final List<Double> sorted;

    Percentiles(List<Double> millis) {
        this.sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
    }

    double at(double percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
