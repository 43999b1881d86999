package vn.ishc.kit.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Timers of the stages a change goes through on its way to progress (written, published, applied,
 * computed). They publish histogram buckets, not a service-side percentile: two scrapes of
 * {@code /q/metrics} give the distribution over any interval between them, which is what Prometheus's
 * {@code histogram_quantile} and the benchmark's per-stage table both do.
 */
public final class StageTimers {

    private StageTimers() {
    }

    /** The timer {@code name} (exported as {@code name_seconds_bucket}, ...) with these tags, registered once. */
    public static Timer of(MeterRegistry registry, String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2)).register(registry);
    }
}
