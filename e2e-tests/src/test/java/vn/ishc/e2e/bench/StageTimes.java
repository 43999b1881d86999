package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the time of a change goes between being sent and being visible: the stage timers the services
 * publish as histograms (kit StageTimers), scraped from each service's /q/metrics before and after a
 * phase; the difference is that phase's distribution, as Prometheus's histogram_quantile reads it.
 */
final class StageTimes {

    /** One stage: a timer of one service, optionally narrowed to a label (e.g. topic="..."). */
    record Stage(String name, String service, String metric, String label) {
    }

    /** All services' metrics text at one moment. */
    record Scrape(Map<String, String> byService) {
    }

    /** A stage's distribution over a phase, from its buckets (upper bounds in seconds → count). */
    record Between(String stage, long count, double sumSeconds, double p50Millis, double p99Millis) {
        String summary() {
            if (count == 0) {
                return stage + " —";
            }
            if (p50Millis < 0) { // a timer without histogram buckets (e.g. the JVM's collection pauses)
                return String.format(Locale.ROOT, "%s %,d, %s in all, mean %s", stage, count, BenchReport.ms(sumSeconds * 1000),
                        BenchReport.ms(sumSeconds * 1000 / count));
            }
            return String.format(Locale.ROOT, "%s p50 %s / p99 %s (%,d, mean %s)", stage, BenchReport.ms(p50Millis), BenchReport.ms(p99Millis), count,
                    BenchReport.ms(sumSeconds * 1000 / count));
        }

        ObjectNode toJson(ObjectNode node) {
            return node.put("count", count).put("meanMillis", count == 0 ? -1 : sumSeconds * 1000 / count).put("p50Millis", p50Millis)
                    .put("p99Millis", p99Millis);
        }
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private StageTimes() {
    }

    static Scrape scrape(HttpClient http, Map<String, String> baseUrls) throws Exception {
        Map<String, String> texts = new TreeMap<>();
        for (Map.Entry<String, String> service : baseUrls.entrySet()) {
            texts.put(service.getKey(), http.send(HttpRequest.newBuilder(URI.create(service.getValue() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        return new Scrape(texts);
    }

    static List<Between> between(Scrape before, Scrape after, List<Stage> stages) {
        List<Between> result = new ArrayList<>();
        for (Stage stage : stages) {
            Histogram start = Histogram.read(before.byService().getOrDefault(stage.service(), ""), stage);
            Histogram end = Histogram.read(after.byService().getOrDefault(stage.service(), ""), stage);
            result.add(end.minus(start).summarise(stage.name()));
        }
        return result;
    }

    /** The sum of a metric's samples (over all its labels) in one service's scrape; 0 when absent. */
    static double value(Scrape scrape, String service, String metric) {
        double[] sum = {0};
        eachSample(scrape.byService().getOrDefault(service, ""), (name, labels, value) -> {
            if (name.equals(metric)) {
                sum[0] += value;
            }
        });
        return sum[0];
    }

    /** One exported sample: its metric name, its labels ("" when none) and its value. */
    private interface SampleVisitor {
        void sample(String name, String labels, double value);
    }

    /** Every sample of a Prometheus text exposition, comments skipped. */
    private static void eachSample(String text, SampleVisitor visitor) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find()) {
                visitor.sample(m.group(1), m.group(2) == null ? "" : m.group(2), Double.parseDouble(m.group(3)));
            }
        }
    }

    /** Cumulative bucket counts by upper bound (seconds), with the count and sum, as exported. */
    record Histogram(TreeMap<Double, Double> buckets, double count, double sum) {

        static Histogram read(String text, Stage stage) {
            TreeMap<Double, Double> buckets = new TreeMap<>();
            double[] countAndSum = {0, 0};
            String prefix = stage.metric() + "_seconds_";
            eachSample(text, (name, labels, value) -> {
                if (!name.startsWith(prefix) || stage.label() != null && !labels.contains(stage.label())) {
                    return;
                }
                switch (name.substring(prefix.length())) {
                    case "bucket" -> {
                        Matcher le = LE.matcher(labels);
                        if (le.find()) {
                            double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                            buckets.merge(bound, value, Double::sum);
                        }
                    }
                    case "count" -> countAndSum[0] += value;
                    case "sum" -> countAndSum[1] += value;
                    default -> {
                    }
                }
            });
            return new Histogram(buckets, countAndSum[0], countAndSum[1]);
        }

        Histogram minus(Histogram earlier) {
            TreeMap<Double, Double> difference = new TreeMap<>();
            buckets.forEach((bound, n) -> difference.put(bound, n - earlier.buckets().getOrDefault(bound, 0.0)));
            return new Histogram(difference, count - earlier.count(), sum - earlier.sum());
        }

        Between summarise(String stage) {
            if (count <= 0 || buckets.isEmpty()) {
                return new Between(stage, Math.max(0, Math.round(count)), Math.max(0, sum), -1, -1);
            }
            return new Between(stage, Math.round(count), sum, quantile(0.50) * 1000, quantile(0.99) * 1000);
        }

        /** Linear within the bucket that holds the rank, as histogram_quantile does; the last finite bound when in +Inf. */
        double quantile(double q) {
            double rank = q * count;
            double lowerBound = 0;
            double lowerCount = 0;
            for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
                if (bucket.getValue() >= rank) {
                    if (bucket.getKey().isInfinite()) {
                        return lowerBound;
                    }
                    double inBucket = bucket.getValue() - lowerCount;
                    return inBucket <= 0 ? bucket.getKey() : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
                }
                lowerBound = bucket.getKey();
                lowerCount = bucket.getValue();
            }
            return lowerBound;
        }
    }
}
