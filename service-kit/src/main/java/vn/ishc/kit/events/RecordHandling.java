package vn.ishc.kit.events;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * How every consumer of the suite treats one record: read it, apply it, count the outcome. A
 * record that cannot be read or applied for good goes to the dead-letter topic with its reason (by
 * failing here; the connector's dead-letter-queue strategy sends it), and the channel moves on. A
 * failure that may pass is retried with backoff, in order, for as long as it takes: a database
 * outage must never send events to the dead-letter topic.
 */
@ApplicationScoped
public class RecordHandling {

    private static final Logger LOG = Logger.getLogger(RecordHandling.class);
    static final long FIRST_BACKOFF_MS = 100;
    static final long MAX_BACKOFF_MS = 5_000;

    @Inject
    MeterRegistry metrics;

    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean stopping;

    /**
     * While the service stops, its database and Hibernate close under the consumers: nothing that
     * fails then is the event's fault, and none may go to the dead-letter topic. The record is kept
     * un-acknowledged instead (see {@link #attempt}) and delivered again after the restart.
     */
    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent stop) {
        stopping = true;
    }
    private final Map<String, Function<ConsumerRecord<String, String>, String>> handlers = new ConcurrentHashMap<>();

    /**
     * Handles a record: {@code apply} reads and applies it and names the outcome for the
     * {@code <metricPrefix>_events_total} counter; it throws {@link UnreadableRecordException} for
     * a record that is not an event. The handler is remembered by topic, so that dead letters can be re-driven.
     */
    public void handle(ConsumerRecord<String, String> record, String metricPrefix, Function<ConsumerRecord<String, String>, String> apply) {
        if (!handlers.containsKey(record.topic())) {
            handlers.putIfAbsent(record.topic(), r -> attempt(r, metricPrefix, apply));
        }
        attempt(record, metricPrefix, apply);
    }

    /** Remembers how to apply a record of the topic again (a re-driven dead letter), for consumers that take batches. */
    void register(String topic, String metricPrefix, Function<ConsumerRecord<String, String>, String> apply) {
        handlers.putIfAbsent(topic, r -> attempt(r, metricPrefix, apply));
    }

    boolean stopping() {
        return stopping;
    }

    void countDeadLetter() {
        deadLettered.incrementAndGet();
    }

    String attempt(ConsumerRecord<String, String> record, String metricPrefix, Function<ConsumerRecord<String, String>, String> apply) {
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            try {
                String outcome = apply.apply(record);
                metrics.counter(metricPrefix + "_events_total", "topic", record.topic(), "outcome", outcome).increment();
                return outcome;
            } catch (RuntimeException e) {
                if (stopping) {
                    holdUntilTheProcessEnds(record);
                }
                if (Failures.isTransient(e)) {
                    metrics.counter(metricPrefix + "_retries_total", "topic", record.topic()).increment();
                    LOG.warnf("Cannot apply %s-%d@%d yet, retrying in %d ms: %s", record.topic(), record.partition(), record.offset(),
                            backoff, e.getMessage());
                    if (!sleep(backoff)) {
                        throw new IllegalStateException("shutting down before " + record.topic() + "@" + record.offset() + " was applied", e);
                    }
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                    continue;
                }
                deadLettered.incrementAndGet();
                metrics.counter(metricPrefix + "_dead_letters_total", "topic", record.topic()).increment();
                LOG.warnf("Record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(), record.offset(),
                        reason(e));
                throw new DeadLetterException(reason(e), e);
            }
        }
    }

    /** Applies a record again (a re-driven dead letter) with the handler of its topic; null when no consumer here reads that topic. */
    public String reapply(String topic, ConsumerRecord<String, String> record) {
        Function<ConsumerRecord<String, String>, String> handler = handlers.get(topic);
        return handler == null ? null : handler.apply(record);
    }

    public boolean knows(String topic) {
        return handlers.containsKey(topic);
    }

    /** Records set aside since this process started. */
    public long deadLettered() {
        return deadLettered.get();
    }

    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getMessage() + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /**
     * Neither returns (which would acknowledge the record) nor throws (which would dead-letter it):
     * the process is ending, and the record comes again from the last committed offset after the restart.
     */
    static void holdUntilTheProcessEnds(ConsumerRecord<String, String> record) {
        LOG.infof("Stopping: %s-%d@%d stays unacknowledged and will be delivered again", record.topic(), record.partition(), record.offset());
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // keep holding: only the end of the process releases this thread
            }
        }
    }

    /** False when interrupted (shutting down): the record stays un-acknowledged and comes again after the restart. */
    static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Thrown to hand a record to the dead-letter topic; its message is the reason, in the record's headers. */
    public static class DeadLetterException extends RuntimeException {
        DeadLetterException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
