package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The time from a change being sent to its appearance in progress, while changes flow at a steady
 * rate. A watcher polls progress and notes when the figure at a pointer first includes each change;
 * changes are counted in order of arrival: the i-th seen was sent at the latest as the i-th.
 */
final class ChangeVisibility {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the watcher waits for the last changes once sending has ended; what is not seen by then is counted unseen. */
    private static final Duration AFTER_SENDING = Duration.ofMinutes(2);

    /** Sends change number i. */
    interface Sender {
        void send(int i) throws Exception;
    }

    /**
     * Milliseconds from sending to seeing each seen change (sorted), how many were sent and not seen, how long sending took,
     * when the first was sent, and each seen change in sending order as (milliseconds since the first was sent, milliseconds
     * to visible): whether the slow ones come together (a stall) or spread out, and when, to set beside the services' logs.
     */
    record Result(List<Long> millis, int sent, int unseen, long sendingMillis, Instant startedAt, List<long[]> inOrder) {
        long pct(int percentile) {
            return millis.isEmpty() ? -1 : Percentiles.of(millis, percentile);
        }

        String summary() {
            String figures = millis.isEmpty() ? "nothing seen"
                    : "p50 " + pct(50) + " / p95 " + pct(95) + " / p99 " + pct(99) + " ms, max " + millis.get(millis.size() - 1) + " ms";
            return figures + " (" + sent + " sent" + (unseen > 0 ? ", " + unseen + " NOT SEEN" : "") + ")";
        }

        ObjectNode toJson(ObjectNode node) {
            node.put("startedAt", startedAt.toString()).put("sent", sent).put("unseen", unseen).put("sendingMillis", sendingMillis).put("p50Millis", pct(50)).put("p95Millis", pct(95))
                    .put("p99Millis", pct(99)).put("maxMillis", millis.isEmpty() ? -1 : millis.get(millis.size() - 1));
            return node;
        }

        /** The changes in sending order, as CSV: sent (ms since the first), visible after (ms). */
        String inOrderCsv() {
            StringBuilder csv = new StringBuilder("sent_ms,visible_ms\n");
            inOrder.forEach(change -> csv.append(change[0]).append(',').append(change[1]).append('\n'));
            return csv.toString();
        }
    }

    private ChangeVisibility() {
    }

    /** Sends {@code changes} changes at {@code perSecond}. */
    static Result measure(String progressUrl, String token, String pointer, int perSecond, int changes, Sender sender)
            throws Exception {
        return measure(progressUrl, token, pointer, perSecond, changes, () -> true, sender);
    }

    /** Sends at most {@code maxChanges} changes at {@code perSecond}, stopping earlier once {@code keepSending} says so. */
    static Result measure(String progressUrl, String token, String pointer, int perSecond, int maxChanges,
                          BooleanSupplier keepSending, Sender sender) throws Exception {
        // Read on a kept connection: the watcher reads about 150 times a second, and through the JDK's
        // HttpClient it took about a tenth of a core from the services it watched.
        URL progress = URI.create(progressUrl).toURL();
        long base = JSON.readTree(KeepAliveGet.body(progress, token)).at(pointer).asLong();
        long[] sentAt = new long[maxChanges];
        long[] seenAt = new long[maxChanges];
        int[] sent = {0};
        boolean[] sendingDone = {false};
        int[] seenTotal = {0};
        Thread watcher = new Thread(() -> {
            int seen = 0;
            long stopAt = Long.MAX_VALUE;
            try {
                while (true) {
                    int sentNow;
                    synchronized (sent) {
                        sentNow = sent[0];
                        if (sendingDone[0] && stopAt == Long.MAX_VALUE) {
                            stopAt = System.nanoTime() + AFTER_SENDING.toNanos();
                        }
                    }
                    if ((stopAt != Long.MAX_VALUE && seen >= sentNow) || System.nanoTime() > stopAt) {
                        break;
                    }
                    long now = System.nanoTime();
                    long count = JSON.readTree(KeepAliveGet.body(progress, token)).at(pointer).asLong() - base;
                    while (seen < Math.min(count, sentNow)) {
                        seenAt[seen++] = now;
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                synchronized (sent) {
                    seenTotal[0] = seen;
                }
            }
        }, "bench-watcher");
        watcher.start();
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        long next = started;
        for (int i = 0; i < maxChanges && (i == 0 || keepSending.getAsBoolean()); i++) {
            // Parked, not spun: a spinning sender took one of the machine's two cores from the services it measures.
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            sentAt[i] = System.nanoTime();
            sender.send(i);
            synchronized (sent) {
                sent[0] = i + 1;
            }
            next += interval;
        }
        long sendingMillis = (System.nanoTime() - started) / 1_000_000;
        synchronized (sent) {
            sendingDone[0] = true;
        }
        watcher.join(AFTER_SENDING.plusMinutes(1).toMillis());
        int seen;
        synchronized (sent) {
            seen = seenTotal[0];
        }
        List<Long> visible = new ArrayList<>();
        List<long[]> inOrder = new ArrayList<>();
        for (int i = 0; i < seen; i++) {
            long millis = Math.max(0, seenAt[i] - sentAt[i]) / 1_000_000;
            visible.add(millis);
            inOrder.add(new long[]{(sentAt[i] - started) / 1_000_000, millis});
        }
        Collections.sort(visible);
        return new Result(visible, sent[0], sent[0] - seen, sendingMillis, startedAt, inOrder);
    }
}
