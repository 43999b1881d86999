package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service's memory at one moment: what the kernel says it holds (resident now and at its peak,
 * from /proc) and how the JVM splits it (from the service's own /q/metrics, Micrometer's JVM meters).
 */
record ServiceMemory(String service, long rssBytes, long hwmBytes, long heapUsed, long heapCommitted, long heapMax,
                     long nonHeapUsed, long nonHeapCommitted, long directBuffers, long liveThreads, long liveDataAfterGc,
                     Map<String, Long> committedByPool) {

    /** A Prometheus sample line: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    static ServiceMemory read(HttpClient http, String service, long pid, String baseUrl) throws IOException, InterruptedException {
        long rss = 0;
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kilobytes(line);
            }
        }
        String metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        long heapUsed = 0, heapCommitted = 0, heapMax = 0, nonHeapUsed = 0, nonHeapCommitted = 0, direct = 0, threads = 0, liveData = 0;
        Map<String, Long> pools = new TreeMap<>();
        for (String line : metrics.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            String labels = m.group(2) == null ? "" : m.group(2);
            long value = (long) Double.parseDouble(m.group(3));
            boolean heap = labels.contains("area=\"heap\"");
            switch (m.group(1)) {
                case "jvm_memory_used_bytes" -> {
                    if (heap) {
                        heapUsed += value;
                    } else {
                        nonHeapUsed += value;
                    }
                }
                case "jvm_memory_committed_bytes" -> {
                    Matcher pool = POOL.matcher(labels);
                    if (pool.find()) {
                        pools.merge(pool.group(1), value, Long::sum);
                    }
                    if (heap) {
                        heapCommitted += value;
                    } else {
                        nonHeapCommitted += value;
                    }
                }
                case "jvm_memory_max_bytes" -> heapMax += heap && value > 0 ? value : 0;
                case "jvm_buffer_memory_used_bytes" -> direct += labels.contains("id=\"direct\"") ? value : 0;
                case "jvm_threads_live_threads" -> threads = value;
                case "jvm_gc_live_data_size_bytes" -> liveData = value;
                default -> {
                }
            }
        }
        return new ServiceMemory(service, rss, hwm, heapUsed, heapCommitted, heapMax, nonHeapUsed, nonHeapCommitted, direct, threads, liveData, pools);
    }

    private static final Pattern POOL = Pattern.compile("id=\"([^\"]*)\"");

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", "")) * 1024;
    }

    ObjectNode toJson(ObjectNode node) {
        node.put("rssBytes", rssBytes).put("hwmBytes", hwmBytes).put("heapUsedBytes", heapUsed).put("heapCommittedBytes", heapCommitted)
                .put("heapMaxBytes", heapMax).put("nonHeapUsedBytes", nonHeapUsed).put("nonHeapCommittedBytes", nonHeapCommitted)
                .put("directBufferBytes", directBuffers).put("liveThreads", liveThreads).put("liveDataAfterGcBytes", liveDataAfterGc);
        ObjectNode pools = node.putObject("committedBytesByPool");
        committedByPool.forEach(pools::put);
        return node;
    }

    /** For the table: "RSS 212 MB (peak 230 MB); heap 80/150 MB, non-heap 95 MB, direct 3 MB, 61 threads". */
    String summary() {
        return "RSS " + BenchReport.mb(rssBytes) + " (peak " + BenchReport.mb(hwmBytes) + "); heap " + Math.round(heapUsed / 1048576.0) + "/"
                + BenchReport.mb(heapCommitted) + " used/committed, live after GC "
                + (liveDataAfterGc == 0 ? "n/a (no full collection yet)" : BenchReport.mb(liveDataAfterGc)) + ", non-heap "
                + BenchReport.mb(nonHeapCommitted) + ", direct " + BenchReport.mb(directBuffers) + ", " + liveThreads + " threads";
    }
}
