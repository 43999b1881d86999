package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One URL read by many clients at once, each reading again as soon as it has its answer. A first
 * pass of the same size warms both sides and is not counted.
 * <p>
 * Each reader is a thread of its own on a blocking keep-alive connection ({@link HttpURLConnection},
 * through {@link KeepAliveGet}); until 2026-12-01 they shared the JDK's {@code HttpClient}. On this
 * 2-core machine the benchmark shares the cores with the service it measures, so the CPU each side
 * spent is reported with the figure. At national size, in passes of 100 requests per reader,
 * {@code HttpClient} spent three to four times reporting's CPU per request, the blocking connections
 * one to three times, and one Vert.x event loop for all readers as much as the blocking connections,
 * with no better p99 (docs/benchmarks.md).
 * <p>
 * The benchmark asks for 1,000 requests per reader since 2026-12-03. Passes of 100 lasted under a
 * second and were slower throughout (p50, p95 and p99), with the readers spending three to four times
 * the CPU per request they spend in passes of 1,000 (0.23–0.27 ms against 0.07–0.08, about half of
 * reporting's): probably the benchmark's JVM still compiling its readers' code, though no compilation
 * log was taken (docs/benchmarks.md, "Where issue 14 stands").
 */
final class ConcurrentReaders {

    /** One GET that must answer 200 and whose body is read to the end. */
    private interface Read {
        void once() throws Exception;
    }

    /** Sorted latencies (µs), the measured pass's duration, and the CPU the benchmark's JVM and the service spent in it. */
    record Result(String client, int clients, List<Long> micros, double seconds, double clientCpuSeconds, double serviceCpuSeconds) {

        long pct(int percentile) {
            return Percentiles.of(micros, percentile);
        }

        double requestsPerSecond() {
            return micros.size() / seconds;
        }

        String summary() {
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms (max %.1f, %,.0f req/s; CPU per request: client %.2f ms, service %.2f ms)",
                    pct(50) / 1000.0, pct(95) / 1000.0, pct(99) / 1000.0, micros.get(micros.size() - 1) / 1000.0, requestsPerSecond(),
                    clientCpuSeconds * 1000 / micros.size(), serviceCpuSeconds * 1000 / micros.size());
        }

        ObjectNode toJson(ObjectNode node) {
            return node.put("client", client).put("clients", clients).put("requests", micros.size())
                    .put("p50Millis", pct(50) / 1000.0).put("p95Millis", pct(95) / 1000.0).put("p99Millis", pct(99) / 1000.0)
                    .put("maxMillis", micros.get(micros.size() - 1) / 1000.0).put("requestsPerSecond", requestsPerSecond())
                    .put("clientCpuSeconds", clientCpuSeconds).put("serviceCpuSeconds", serviceCpuSeconds);
        }
    }

    private ConcurrentReaders() {
    }

    /** Each client on blocking keep-alive connections. */
    static Result withConnections(String url, String token, int clients, int requestsPerClient, long servicePid) throws Exception {
        URL target = URI.create(url).toURL();
        return measure("HttpURLConnection", clients, requestsPerClient, servicePid, () -> KeepAliveGet.body(target, token));
    }

    /** A warm-up pass, then the measured one with the CPU both sides spent in it. */
    private static Result measure(String client, int clients, int requestsPerClient, long servicePid, Read read) throws Exception {
        pass(clients, requestsPerClient, read); // warm-up, not counted
        double clientCpu = ownCpuSeconds();
        double serviceCpu = cpuSeconds(servicePid);
        long started = System.nanoTime();
        List<Long> micros = pass(clients, requestsPerClient, read);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(client, clients, micros, seconds, ownCpuSeconds() - clientCpu, cpuSeconds(servicePid) - serviceCpu);
    }

    /** A thread per reader, each reading with {@code read}: every latency (µs), sorted. */
    private static List<Long> pass(int clients, int requestsPerClient, Read read) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    List<Long> times = new ArrayList<>(requestsPerClient);
                    for (int r = 0; r < requestsPerClient; r++) {
                        long begin = System.nanoTime();
                        read.once();
                        times.add((System.nanoTime() - begin) / 1000);
                    }
                    return times;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            Collections.sort(all);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double cpuSeconds(long pid) throws java.io.IOException {
        return Machine.cpuTicks(pid) / 100.0;
    }
}
