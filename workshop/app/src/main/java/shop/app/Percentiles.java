package shop.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a list of latencies in milliseconds. */
final class Percentiles {
    private final List<Long> sorted;

    Percentiles(List<Long> millis) {
        this.sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
    }

    long at(double percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    int count() {
        return sorted.size();
    }
}
