package vn.ishc.e2e.bench;

import java.util.List;

/** The nearest-rank percentile of a sorted list. */
final class Percentiles {

    private Percentiles() {
    }

    static long of(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)));
    }
}
