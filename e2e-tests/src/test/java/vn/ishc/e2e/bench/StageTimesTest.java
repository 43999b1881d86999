package vn.ishc.e2e.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark's reading of a stage timer between two scrapes, on Prometheus text as Micrometer writes it. */
class StageTimesTest {

    private static final StageTimes.Stage AGE = new StageTimes.Stage("applied", "reporting", "ishc_projection_event_age", "topic=\"clubs\"");

    private static String scrape(double upTo10ms, double upTo100ms, double upTo1s, double all, double sum) {
        return """
                # TYPE ishc_projection_event_age_seconds histogram
                ishc_projection_event_age_seconds_bucket{topic="clubs",le="0.01"} %s
                ishc_projection_event_age_seconds_bucket{topic="clubs",le="0.1"} %s
                ishc_projection_event_age_seconds_bucket{topic="clubs",le="1.0"} %s
                ishc_projection_event_age_seconds_bucket{topic="clubs",le="+Inf"} %s
                ishc_projection_event_age_seconds_count{topic="clubs"} %s
                ishc_projection_event_age_seconds_sum{topic="clubs"} %s
                ishc_projection_event_age_seconds_bucket{topic="pledges",le="0.01"} 1000.0
                ishc_projection_event_age_seconds_count{topic="pledges"} 1000.0
                ishc_projection_event_age_seconds_max{topic="clubs"} 0.9
                """.formatted(upTo10ms, upTo100ms, upTo1s, all, all, sum);
    }

    @Test
    void onlyWhatHappenedBetweenTheScrapesCountsAndQuantilesInterpolateWithinTheirBucket() {
        // before: 10 events, all under 10 ms; between: 100 more, 50 in (10 ms, 100 ms] and 50 in (100 ms, 1 s]
        StageTimes.Scrape before = new StageTimes.Scrape(Map.of("reporting", scrape(10, 10, 10, 10, 0.05)));
        StageTimes.Scrape after = new StageTimes.Scrape(Map.of("reporting", scrape(10, 60, 110, 110, 30.05)));

        StageTimes.Between between = StageTimes.between(before, after, List.of(AGE)).get(0);

        assertEquals(100, between.count());
        assertEquals(30.0, between.sumSeconds(), 1e-9);
        assertEquals(100.0, between.p50Millis(), 1e-6, "the 50th of 100 is the last of the (10, 100] ms bucket");
        assertEquals(100 + 900 * 49.0 / 50, between.p99Millis(), 1e-6, "the 99th is 49/50 of the way through (100, 1000] ms");
    }

    @Test
    void aStageThatSawNothingSaysSo() {
        StageTimes.Scrape same = new StageTimes.Scrape(Map.of("reporting", scrape(1, 2, 3, 3, 0.1)));
        StageTimes.Between between = StageTimes.between(same, same, List.of(AGE)).get(0);
        assertEquals(0, between.count());
        assertEquals(-1, between.p99Millis());
        assertEquals("applied —", between.summary());
    }

    @Test
    void aTimerWithoutBucketsGivesItsCountAndTotalOnly() {
        StageTimes.Stage pauses = new StageTimes.Stage("pauses", "reporting", "jvm_gc_pause", null);
        String before = "jvm_gc_pause_seconds_count{action=\"end of minor GC\",gc=\"Copy\"} 10.0\n"
                + "jvm_gc_pause_seconds_sum{action=\"end of minor GC\",gc=\"Copy\"} 0.1\n";
        String after = "jvm_gc_pause_seconds_count{action=\"end of minor GC\",gc=\"Copy\"} 14.0\n"
                + "jvm_gc_pause_seconds_sum{action=\"end of minor GC\",gc=\"Copy\"} 0.2\n"
                + "jvm_gc_pause_seconds_count{action=\"end of major GC\",gc=\"MarkSweepCompact\"} 1.0\n"
                + "jvm_gc_pause_seconds_sum{action=\"end of major GC\",gc=\"MarkSweepCompact\"} 0.3\n";
        StageTimes.Between between = StageTimes.between(new StageTimes.Scrape(Map.of("reporting", before)),
                new StageTimes.Scrape(Map.of("reporting", after)), List.of(pauses)).get(0);
        assertEquals(5, between.count(), "four young collections and one full one");
        assertEquals(0.4, between.sumSeconds(), 1e-9);
        assertEquals("pauses 5, 400 ms in all, mean 80 ms", between.summary());
    }
}
