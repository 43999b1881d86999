package vn.ishc.reporting.rebuild;

import vn.ishc.kit.events.Failures;
import vn.ishc.kit.events.Halving;
import vn.ishc.reporting.figures.Figure;
import vn.ishc.reporting.figures.FigureBackfill;
import vn.ishc.reporting.figures.FigureDeltas;
import vn.ishc.reporting.figures.FigureStore;
import vn.ishc.reporting.figures.ProgrammeStarts;
import vn.ishc.reporting.projection.LiveBatches;
import vn.ishc.reporting.projection.TopicProjections;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

/**
 * One rebuild's replay: reads every partition of the consumed topics from the beginning with a
 * consumer of its own (no group: the live consumers keep their partitions and offsets), applies
 * each poll to the shadow projection in one transaction per topic, then catches up with what
 * arrived meanwhile and switches: under the figures' lock taken alone (the live consumers of every
 * replica wait), it applies the last records up to the end of each partition and swaps the shadow in.
 * Events the live consumers apply after the switch that the replay had applied are duplicates to
 * the new ledger, and ignored.
 */
@ApplicationScoped
public class Replay {

    private static final Logger LOG = Logger.getLogger(Replay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    TopicProjections projections;

    @Inject
    ShadowProjection shadow;

    @Inject
    FigureStore figures;

    @Inject
    ShadowFigures shadowFigures;

    @Inject
    ProgrammeStarts programmeStarts;

    @Inject
    FigureBackfill backfill;

    @Inject
    LiveBatches live;

    /**
     * How long a replay waits at most, before each poll's transactions, for the live batches this
     * replica is applying: a change sent during a rebuild should show as soon as at other times.
     */
    @ConfigProperty(name = "ishc.rebuild.give-way-millis", defaultValue = "250")
    long giveWayMillis;

    /**
     * While live changes come in (a live batch began here within the last second), the replay rests
     * after each poll's transactions for this share of the time they took, so that the live batches
     * find a core free, as PostgreSQL's vacuum rests by its cost delay; 0: never rests. A share of
     * 0.5 takes at most a third off the replay's events per second while changes come in (each
     * stretch of work lasts up to half as long again), and nothing when none do.
     */
    @ConfigProperty(name = "ishc.rebuild.rest-share", defaultValue = "0.5")
    double restShare;

    /**
     * The shadow's figure deltas of the batches committed since the last write of them, summed:
     * written together before the switch, or sooner once they have {@link #figuresEvery} keys
     * (decision 0014). Each run ends with a fresh, empty one, so the next starts with it.
     */
    private FigureTotals pendingFigures = new FigureTotals();

    /**
     * Keys of pending figures that make a write. 350,000 keys take 8.4 MB of heap (a national replay
     * has about 230,000); beyond 393,216 the map would double.
     */
    @ConfigProperty(name = "ishc.rebuild.figures-every", defaultValue = "350000")
    int figuresEvery;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Per topic, records applied and nanoseconds spent, for the replay's log. */
    private final Map<String, long[]> timeByTopic = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Records the switch waits for at most, under the lock; more than that is caught up first. With
     * 2,000, a national rebuild under 50 new club snapshots a second left about 1,300 to the switch,
     * which held every replica's live consumers for 3.5–3.8 s.
     */
    @ConfigProperty(name = "ishc.rebuild.switch-lag", defaultValue = "250")
    long switchLag;

    /** The shadow tables are analyzed once this many events are replayed, then each time the count has grown fourfold. */
    @ConfigProperty(name = "ishc.rebuild.analyze-first-after", defaultValue = "2000")
    long analyzeFirstAfter;

    /** When the shadow tables are analyzed next (events replayed in this run). */
    private long nextAnalyze;

    /** This run's token in the shadow, and its transactions committed there, to hold against those the database counted. */
    private String run;
    private long commits;

    @ConfigProperty(name = "ishc.rebuild.max-poll-records", defaultValue = "500")
    int maxPollRecords;

    /** Thrown when the replay must stop without switching (its run was taken over or the service stops). */
    static class Abandoned extends RuntimeException {
        Abandoned(String why) {
            super(why);
        }
    }

    /**
     * Replays everything into a fresh shadow and switches it in. {@code progress} is told the count
     * of events applied so far after every poll, and answers false when the run is no longer this
     * replica's; {@code switched} is told the final count in the switching transaction, to record the end of the run with it.
     */
    public long run(LongPredicate progress, LongConsumer switched) {
        List<java.time.LocalDate> starts = QuarkusTransaction.requiringNew().call(programmeStarts::all);
        run = shadow.prepare();
        nextAnalyze = analyzeFirstAfter;
        commits = 0;
        timeByTopic.clear(); // this run's times only, in its log
        long[] applied = {0};
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<String, List<TopicPartition>> partitions = new LinkedHashMap<>();
            for (String topic : TopicProjections.TOPICS) {
                partitions.put(topic, consumer.partitionsFor(topic, WAIT).stream().map(p -> new TopicPartition(topic, p.partition())).toList());
            }
            // Administrative units first and alone: the money projections read the areas' periods.
            List<TopicPartition> units = partitions.get(TopicProjections.TOPICS.get(0));
            consumer.assign(units);
            consumer.seekToBeginning(units);
            readTo(consumer, consumer.endOffsets(units, WAIT), applied, progress);
            List<TopicPartition> all = partitions.values().stream().flatMap(List::stream).toList();
            List<TopicPartition> rest = all.stream().filter(p -> !units.contains(p)).toList();
            consumer.assign(all);
            consumer.seekToBeginning(rest);
            // At least one pass outside the lock, then until what is left fits in the switch.
            Map<TopicPartition, Long> end = consumer.endOffsets(all, WAIT);
            do {
                readTo(consumer, end, applied, progress);
                end = consumer.endOffsets(all, WAIT);
            } while (lag(consumer, end) > switchLag);
            // Most figures written outside the lock; the switch folds only what came since.
            writePendingFigures();
            for (int attempt = 1; ; attempt++) {
                Map<TopicPartition, Long> positions = new HashMap<>();
                all.forEach(p -> positions.put(p, consumer.position(p, WAIT)));
                long before = applied[0];
                try {
                    switchIn(consumer, all, starts, applied, switched);
                    break;
                } catch (CommitsDiffer | Abandoned e) {
                    throw e;
                } catch (RuntimeException e) {
                    // A record of the last stretch failed under the lock (its transaction is lost): apply that
                    // stretch again outside the lock, where a record that fails for good is skipped, and switch again.
                    if (attempt == 3) {
                        throw e;
                    }
                    LOG.warnf("Switching rebuild failed (%s); catching up again before the next attempt", e.getMessage());
                    applied[0] = before;
                    positions.forEach(consumer::seek);
                    readTo(consumer, consumer.endOffsets(all, WAIT), applied, progress);
                }
            }
        } finally {
            pendingFigures = new FigureTotals(); // the run's map given back, whether it switched, failed or was abandoned
        }
        return applied[0];
    }

    /**
     * The shadow does not hold exactly the replay's transactions: the database lost the last ones (it
     * stopped hard during the rebuild), or holds one twice (a commit that failed to answer had been
     * made, and its retry found its events already there, without their figures).
     */
    static class CommitsDiffer extends RuntimeException {
        CommitsDiffer(long held, long made) {
            super(held < made
                    ? "the database lost the last " + (made - held) + " of the rebuild's transactions (it restarted during the rebuild); start the rebuild again"
                    : "the database holds " + (held - made) + " of the rebuild's transactions twice (a commit whose answer was lost); start the rebuild again");
        }
    }

    private void switchIn(KafkaConsumer<String, String> consumer, List<TopicPartition> all, List<java.time.LocalDate> starts, long[] applied,
                          LongConsumer switched) {
        long[] at = new long[6]; // began, lock taken, caught up, folded, new starts computed, switched: where the time under the lock goes
        long before = applied[0];
        at[0] = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            figures.lockExclusive();
            at[1] = System.nanoTime();
            // Programmes are only ever added, and not while this lock is held.
            List<java.time.LocalDate> newStarts = new ArrayList<>(programmeStarts.all());
            newStarts.removeAll(starts);
            // The shadow's transactions did not wait for the disk; this one will, with all of them written first.
            long held = shadow.committed(run);
            if (held != commits) {
                throw new CommitsDiffer(held, commits);
            }
            shadow.use();
            Map<TopicPartition, Long> end = consumer.endOffsets(all, WAIT);
            // The last stretch's figures are gathered and folded with the rest, as outside the lock:
            // written one batch at a time they took seconds under it (upserts into the folded figures).
            // This attempt's own, so that a failed attempt leaves nothing behind for the next.
            FigureDeltas lastStretch = new FigureDeltas();
            FigureStore.gathering(lastStretch, () -> {
                while (lag(consumer, end) > 0) {
                    ConsumerRecords<String, String> records = consumer.poll(POLL);
                    applied[0] += applyPoll(records, end, true);
                }
                return null;
            });
            at[2] = System.nanoTime();
            // kept until this commits: a failed switch is retried with them
            shadowFigures.append(pendingFigures);
            shadowFigures.append(lastStretch);
            shadowFigures.fold();
            at[3] = System.nanoTime();
            if (!newStarts.isEmpty()) {
                // A programme with a new start came during the replay: the events replayed before it counted
                // nothing for that start, those after it did. Its figures are computed again from the whole shadow.
                shadowFigures.replace(Figure.keysPerStart(newStarts), backfill.perStart(newStarts));
            }
            at[4] = System.nanoTime();
            shadow.switchIn();
            switched.accept(applied[0]);
        });
        at[5] = System.nanoTime();
        LOG.infof("Rebuild switched in: %d events replayed (%.1f s waiting for the figures' lock, then holding it %.1f s: "
                        + "%.1f s catching up with the last %d events, %.1f s folding figures, %.1f s computing the figures of programme "
                        + "starts added meanwhile, %.1f s switching and committing)", applied[0],
                (at[1] - at[0]) / 1e9, (at[5] - at[1]) / 1e9, (at[2] - at[1]) / 1e9, applied[0] - before, (at[3] - at[2]) / 1e9,
                (at[4] - at[3]) / 1e9, (at[5] - at[4]) / 1e9);
    }

    private void readTo(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, long[] applied, LongPredicate progress) {
        long began = System.nanoTime();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long fromCount = applied[0];
        long polling = 0;
        long givingWay = 0;
        long resting = 0;
        long applying = 0;
        long polls = 0;
        long lastLog = began;
        long worked = 0; // the last poll's transactions
        while (lag(consumer, end) > 0) {
            // Only before another poll: with nothing left to read, a rest would only put the switch off.
            resting += restForLiveChanges(worked);
            long t0 = System.nanoTime();
            ConsumerRecords<String, String> records = consumer.poll(POLL);
            polling += System.nanoTime() - t0;
            givingWay += giveWay();
            long t1 = System.nanoTime();
            applied[0] += applyPoll(records, end, false);
            worked = System.nanoTime() - t1;
            if (applied[0] >= nextAnalyze) {
                long analyzing = System.nanoTime();
                shadow.analyze();
                LOG.infof("Replay: shadow tables analyzed at %d events, in %.1f s", applied[0], (System.nanoTime() - analyzing) / 1e9);
                nextAnalyze = applied[0] * 4;
            }
            long t2 = System.nanoTime();
            applying += t2 - t1;
            polls++;
            if (!progress.test(applied[0])) {
                throw new Abandoned("the rebuild was taken over by another replica");
            }
            if (t2 - lastLog > 10_000_000_000L) {
                lastLog = t2;
                logRate(applied[0] - fromCount, polls, t2 - began, polling, givingWay, resting, applying, THREADS.getCurrentThreadCpuTime() - cpuBefore);
            }
        }
        logRate(applied[0] - fromCount, polls, System.nanoTime() - began, polling, givingWay, resting, applying, THREADS.getCurrentThreadCpuTime() - cpuBefore);
    }

    /** Lets the live batches in flight here finish first (not under the figures' lock: there they wait for the replay); the milliseconds waited. */
    private long giveWay() {
        try {
            return live.awaitNone(giveWayMillis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Abandoned("the service is stopping");
        }
    }

    /** Rests {@link #restShare} of {@code workedNanos}, the poll's transactions (at most a second), while live changes come in; the milliseconds rested. */
    private long restForLiveChanges(long workedNanos) {
        long rest = Math.min(1_000L, (long) (workedNanos * restShare / 1_000_000)); // none with a share of 0
        if (rest <= 0 || !live.beganWithin(1_000_000_000L)) {
            return 0;
        }
        try {
            Thread.sleep(rest);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Abandoned("the service is stopping");
        }
        return rest;
    }

    /** Where the time of a stretch of the replay went, for operators following a long rebuild. */
    private void logRate(long events, long polls, long nanos, long polling, long givingWayMillis, long restingMillis, long applying, long cpu) {
        if (events > 0) {
            StringBuilder topics = new StringBuilder();
            timeByTopic.forEach((topic, spent) -> topics.append(String.format(java.util.Locale.ROOT, " %s %d in %.1f s;", topic, spent[0], spent[1] / 1e9)));
            LOG.infof("Replay: %d events in %d polls, %.0f events/s (%.1f s waiting for Kafka, %.1f s giving way to live batches, "
                            + "%.1f s resting beside live changes, %.1f s applying:%s %.1f s on this thread's CPU, the rest waiting for the database or a core)",
                    events, polls, events / (nanos / 1e9), polling / 1e9, givingWayMillis / 1e3, restingMillis / 1e3, applying / 1e9, topics, cpu / 1e9);
        }
    }

    private static long lag(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            lag += Math.max(0, e.getValue() - consumer.position(e.getKey(), WAIT));
        }
        return lag;
    }

    /**
     * Applies one poll, topic by topic (in the order of the topics), each in one transaction on the
     * shadow, or in the caller's when switching. Records beyond {@code end} are applied too: they are
     * as valid as the others, and the live consumers will see them as duplicates.
     */
    private long applyPoll(ConsumerRecords<String, String> records, Map<TopicPartition, Long> end, boolean inCallersTransaction) {
        Map<String, List<ConsumerRecord<String, String>>> byTopic = new HashMap<>();
        records.forEach(r -> byTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
        long applied = 0;
        for (String topic : TopicProjections.TOPICS) {
            List<ConsumerRecord<String, String>> batch = byTopic.get(topic);
            if (batch != null) {
                long began = System.nanoTime();
                applied += apply(projections.of(topic), batch, inCallersTransaction);
                long[] spent = timeByTopic.computeIfAbsent(topic, t -> new long[2]);
                spent[0] += batch.size();
                spent[1] += System.nanoTime() - began;
            }
        }
        return applied;
    }

    /**
     * Reads and applies a topic's records. Unreadable records and records that fail for good are
     * skipped: the live consumer set them aside on the dead-letter topic when they first came.
     */
    private <T> long apply(TopicProjections.Projection<T> projection, List<ConsumerRecord<String, String>> records, boolean inCallersTransaction) {
        List<Read<T>> read = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                read.add(new Read<>(record, projection.reader().read(record)));
            } catch (RuntimeException unreadable) {
                LOG.debugf("Replay skips unreadable %s-%d@%d", record.topic(), record.partition(), record.offset());
            }
        }
        if (read.isEmpty()) {
            return 0;
        }
        if (inCallersTransaction) {
            projection.applier().apply(Read.events(read));
            return read.size();
        }
        // A part that fails for good is applied again in halves, down to the events that fail alone, which are skipped.
        String[] firstFailure = {null};
        long applied = Halving.apply(read, part -> {
            try {
                applyWithRetries(projection, Read.events(part));
                return true;
            } catch (RuntimeException forGood) {
                stopIfAbandoned(forGood);
                if (firstFailure[0] == null) {
                    firstFailure[0] = forGood.getMessage();
                }
                return false;
            }
        }, skipped -> LOG.debugf("Replay skips %s-%d@%d, which cannot be applied", skipped.record().topic(), skipped.record().partition(),
                skipped.record().offset()));
        if (applied < read.size()) {
            LOG.warnf("A replayed batch of %d %s events had %d that cannot be applied (%s), skipped: the live consumer set them aside",
                    read.size(), records.get(0).topic(), read.size() - applied, firstFailure[0]);
        }
        // Outside the parts: a failure to write them is not a part's failure.
        if (pendingFigures.size() >= figuresEvery) {
            writePendingFigures();
        }
        return applied;
    }

    /** A record and the event read from it, so that a skipped event is named by its offset, not its content. */
    private record Read<T>(ConsumerRecord<String, String> record, T event) {
        static <T> List<T> events(List<Read<T>> read) {
            return read.stream().map(Read::event).toList();
        }
    }

    /** A run that is no longer this replica's stops at once: its records are not at fault. */
    private static void stopIfAbandoned(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Abandoned abandoned) {
                throw abandoned;
            }
        }
    }

    private <T> void applyWithRetries(TopicProjections.Projection<T> projection, List<T> events) {
        untilDone(() -> {
            FigureDeltas batch = new FigureDeltas();
            shadow.inShadow(run, () -> FigureStore.gathering(batch, () -> projection.applier().apply(events)));
            commits++;
            pendingFigures.plus(batch); // committed
        });
    }

    /** Writes the pending figures into the shadow in one transaction. */
    private void writePendingFigures() {
        untilDone(() -> {
            shadow.inShadow(run, () -> {
                shadowFigures.write(pendingFigures);
                return null;
            });
            commits++;
            pendingFigures.clear();
        });
    }

    /**
     * Runs one transaction's work again while it fails in a way that may pass (the database away a
     * moment), with backoff; any other failure ends the replay. The work must leave nothing behind when it throws.
     */
    private static void untilDone(Runnable transaction) {
        long backoff = 100;
        while (true) {
            try {
                transaction.run();
                return;
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Abandoned("the service is stopping");
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
