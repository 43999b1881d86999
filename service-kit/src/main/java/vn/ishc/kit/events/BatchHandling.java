package vn.ishc.kit.events;

import vn.ishc.kit.metrics.StageTimers;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * How a consumer that takes a whole poll at once treats it: every record is read first, and one that
 * is not an event goes to the dead-letter topic on its own; the readable ones are applied together
 * (one transaction, in the order they came, so per-key order holds). A failure that may pass retries
 * the whole batch with backoff, as {@link RecordHandling} does for one record. A batch that fails for
 * good is applied again in halves, down to the records that fail alone ({@link Halving}), so only the
 * record at fault goes to the dead-letter topic and the others are applied, in their order: a bad
 * event never stalls or loses its neighbours, and one among n costs about 2·log₂ n more
 * transactions, not n. Dead letters are at least once: a process that dies before the batch's
 * offsets are committed sets an unreadable record aside again when the poll comes again.
 */
@ApplicationScoped
public class BatchHandling {

    private static final Logger LOG = Logger.getLogger(BatchHandling.class);

    @Inject
    RecordHandling records;

    @Inject
    MeterRegistry metrics;

    @Inject
    Producer<String, String> producer;

    @ConfigProperty(name = "ishc.dead-letter.topic")
    Optional<String> deadLetterTopic;

    /**
     * Reads a record into what the applier takes; throws {@link UnreadableRecordException} for a
     * record that is not an event.
     */
    public interface Reader<T> {
        T read(ConsumerRecord<String, String> record);
    }

    /** Applies read events in their order, in one transaction; answers each one's outcome, in the same order. */
    public interface Applier<T> {
        List<String> apply(List<T> events);
    }

    /** One record and what was read from it. */
    private record Readable<T>(ConsumerRecord<String, String> record, T event) {
    }

    /**
     * Handles one poll's records of a topic: outcomes are counted in {@code <metricPrefix>_events_total}
     * as for single records, and the topic's handler is remembered so that dead letters can be re-driven.
     */
    public <T> void handle(Iterable<ConsumerRecord<String, String>> batch, String metricPrefix, Reader<T> reader, Applier<T> applier) {
        List<Readable<T>> readable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : batch) {
            if (!records.knows(record.topic())) {
                records.register(record.topic(), metricPrefix, r -> applier.apply(List.of(reader.read(r))).get(0));
            }
            try {
                readable.add(new Readable<>(record, reader.read(record)));
            } catch (RuntimeException unreadable) {
                deadLetter(record, metricPrefix, unreadable);
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        Attempts<T> attempts = new Attempts<>(metricPrefix, applier);
        Halving.apply(readable, attempts::apply, attempts::setAside);
    }

    /**
     * One poll's parts, each applied in one transaction: the whole poll first, then, when a part fails
     * for good, its halves ({@link Halving}), down to the records that fail alone, which go to the
     * dead-letter topic with their own failure's reason (the last one seen).
     */
    private final class Attempts<T> {
        private final String metricPrefix;
        private final Applier<T> applier;
        private RuntimeException lastFailure;
        private boolean warned;

        Attempts(String metricPrefix, Applier<T> applier) {
            this.metricPrefix = metricPrefix;
            this.applier = applier;
        }

        boolean apply(List<Readable<T>> part) {
            long started = System.nanoTime();
            long startedAt = System.currentTimeMillis();
            List<String> outcomes;
            try {
                outcomes = applyWithRetries(part, metricPrefix, applier);
            } catch (FailedForGood e) {
                lastFailure = e.failure;
                if (!warned && part.size() > 1) {
                    ConsumerRecord<String, String> first = part.get(0).record();
                    LOG.warnf("A batch of %d records from %s-%d@%d failed for good (%s); applying it again in halves", part.size(),
                            first.topic(), first.partition(), first.offset(), RecordHandling.reason(lastFailure));
                }
                warned = true;
                return false;
            }
            recordTimes(metricPrefix, part, startedAt, System.nanoTime() - started);
            Map<String, Map<String, Integer>> counts = new TreeMap<>();
            for (int i = 0; i < part.size(); i++) {
                String outcome = outcomes.get(i) == null ? "UNKNOWN" : outcomes.get(i);
                counts.computeIfAbsent(part.get(i).record().topic(), t -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
            }
            counts.forEach((topic, byOutcome) -> byOutcome.forEach((outcome, n) ->
                    metrics.counter(metricPrefix + "_events_total", "topic", topic, "outcome", outcome).increment(n)));
            return true;
        }

        /** Halving calls this right after the record's own attempt failed, so the last failure is its own. */
        void setAside(Readable<T> alone) {
            deadLetter(alone.record(), metricPrefix, lastFailure);
        }
    }

    /** A part's failure that will not pass: one of its events is at fault. */
    private static final class FailedForGood extends RuntimeException {
        private final transient RuntimeException failure;

        FailedForGood(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /**
     * How long the batch's transaction took, and how old each event was when the batch began and when
     * it committed: the time since its producer sent it (the record's timestamp, on the same clock when
     * producers and consumers share a host; otherwise as good as the hosts' clocks). The age at the
     * start is the time spent in Kafka and waiting behind earlier batches; with the age at commit it
     * tells waiting from applying. Recorded for each part applied (the whole poll, or its halves).
     */
    private <T> void recordTimes(String metricPrefix, List<Readable<T>> applied, long startedAtMillis, long applyNanos) {
        String topic = applied.get(0).record().topic();
        StageTimers.of(metrics, metricPrefix + "_batch_apply", "One batch's transaction, retries included", "topic", topic)
                .record(applyNanos, TimeUnit.NANOSECONDS);
        Timer wait = StageTimers.of(metrics, metricPrefix + "_event_wait", "From an event's sending to the start of its batch", "topic", topic);
        Timer age = StageTimers.of(metrics, metricPrefix + "_event_age", "From an event's sending to its batch's commit", "topic", topic);
        long now = System.currentTimeMillis();
        for (Readable<T> one : applied) {
            long sent = one.record().timestamp();
            if (sent > 0) {
                wait.record(Math.max(0, startedAtMillis - sent), TimeUnit.MILLISECONDS);
                age.record(Math.max(0, now - sent), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The part's outcomes; throws {@link FailedForGood} when it failed for a reason that will not pass (one of its events is at fault). */
    private <T> List<String> applyWithRetries(List<Readable<T>> readable, String metricPrefix, Applier<T> applier) {
        List<T> events = readable.stream().map(Readable::event).toList();
        ConsumerRecord<String, String> first = readable.get(0).record();
        long backoff = RecordHandling.FIRST_BACKOFF_MS;
        while (true) {
            List<String> outcomes;
            try {
                outcomes = applier.apply(events);
            } catch (RuntimeException e) {
                if (records.stopping()) {
                    RecordHandling.holdUntilTheProcessEnds(first);
                }
                if (!Failures.isTransient(e)) {
                    throw new FailedForGood(e);
                }
                metrics.counter(metricPrefix + "_retries_total", "topic", first.topic()).increment();
                LOG.warnf("Cannot apply a batch of %d records from %s-%d@%d yet, retrying in %d ms: %s", events.size(), first.topic(),
                        first.partition(), first.offset(), backoff, e.getMessage());
                if (!RecordHandling.sleep(backoff)) {
                    throw new IllegalStateException("shutting down before a batch from " + first.topic() + "@" + first.offset() + " was applied", e);
                }
                backoff = Math.min(backoff * 2, RecordHandling.MAX_BACKOFF_MS);
                continue;
            }
            // After the commit: an applier that miscounts is a bug to fail on, not a part to halve.
            if (outcomes.size() != events.size()) {
                throw new IllegalStateException("the applier answered " + outcomes.size() + " outcomes for " + events.size() + " events");
            }
            return outcomes;
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, String metricPrefix, RuntimeException reason) {
        records.countDeadLetter();
        metrics.counter(metricPrefix + "_dead_letters_total", "topic", record.topic()).increment();
        String text = RecordHandling.reason(reason);
        LOG.warnf("Record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(), record.offset(), text);
        publishDeadLetter(record, text, reason);
    }

    /**
     * Sends the record to the dead-letter topic with the headers the connector's own dead-letter
     * strategy writes (so re-driving reads both alike), and waits for Kafka's acknowledgement: the
     * batch's offsets are committed only after, so a dead letter is never lost.
     */
    private void publishDeadLetter(ConsumerRecord<String, String> record, String reason, Throwable cause) {
        if (deadLetterTopic.isEmpty()) {
            LOG.errorf("No dead-letter topic configured; %s-%d@%d is skipped: %s", record.topic(), record.partition(), record.offset(), reason);
            return;
        }
        ProducerRecord<String, String> letter = new ProducerRecord<>(deadLetterTopic.get(), record.key(), record.value());
        header(letter, "dead-letter-reason", reason);
        header(letter, "dead-letter-exception-class-name", cause.getClass().getName());
        header(letter, "dead-letter-topic", record.topic());
        header(letter, "dead-letter-partition", Integer.toString(record.partition()));
        header(letter, "dead-letter-offset", Long.toString(record.offset()));
        long backoff = RecordHandling.FIRST_BACKOFF_MS;
        while (true) {
            try {
                producer.send(letter).get(30, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while setting aside " + record.topic() + "@" + record.offset(), e);
            } catch (Exception e) {
                // Kafka away: the batch waits (its offsets stay uncommitted) rather than lose the record.
                LOG.warnf("Cannot write the dead letter of %s-%d@%d yet, retrying in %d ms: %s", record.topic(), record.partition(),
                        record.offset(), backoff, e.getMessage());
                if (!RecordHandling.sleep(backoff)) {
                    throw new IllegalStateException("shutting down before " + record.topic() + "@" + record.offset() + " was set aside", e);
                }
                backoff = Math.min(backoff * 2, RecordHandling.MAX_BACKOFF_MS);
            }
        }
    }

    private static void header(ProducerRecord<String, String> letter, String name, String value) {
        letter.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
