package vn.ishc.kit.outbox;

import vn.ishc.kit.metrics.StageTimers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows in id order, as soon as the writing transaction commits and on a 1-second
 * tick. A row is marked published only after Kafka acknowledged it; while Kafka is away the rows
 * stay and are tried again on the next tick, so nothing is lost (a record may go out twice, which
 * consumers ignore by event id and version). A row Kafka refuses for good (see
 * {@link PublishFailure}) is parked with its reason, so that it cannot block every later event.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Producer<String, String> producer;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "ishc.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "ishc.outbox.retention", defaultValue = "P30D")
    Duration retention;

    private volatile boolean failing;
    private volatile Instant lastAcknowledged;
    private Counter published;
    private Counter failures;
    private Counter parked;
    private Timer delay;

    // One relay thread: runs never overlap, and a wake-up during a run queues exactly one more run.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * The relay's metrics exist from the start (at zero), so dashboards and alerts see them before
     * the first event. The pending gauge grows while Kafka is away and drains when it is back; the
     * parked gauge should stay at zero (alert when it is not).
     */
    void registerMetrics(@Observes StartupEvent start) {
        published = metrics.counter("ishc_outbox_published_total");
        failures = metrics.counter("ishc_outbox_publish_failures_total");
        parked = metrics.counter("ishc_outbox_parked_total");
        delay = StageTimers.of(metrics, "ishc_outbox_delay", "From an event's write to Kafka's acknowledgement of it");
        metrics.gauge("ishc_outbox_pending", this, relay -> QuarkusTransaction.requiringNew()
                .call(() -> (double) OutboxEvent.count("publishedAt is null and parkedAt is null")));
        metrics.gauge("ishc_outbox_parked_events", this, relay -> QuarkusTransaction.requiringNew()
                .call(() -> (double) OutboxEvent.count("parkedAt is not null")));
        metrics.gauge("ishc_kafka_broker_reachable", this, relay -> relay.failing ? 0 : 1);
    }

    /** A write committed here: publish now rather than at the next tick. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wakeUp();
    }

    /**
     * The fallback tick: retries while Kafka is away, and publishes rows whose wake-up was lost (a
     * crash between commit and publication, another replica's rows).
     */
    @Scheduled(every = "${ishc.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1s")
    void tick() {
        wakeUp();
    }

    /** Published rows are kept a while for inspection, then deleted: they carry personal data such as birth dates. */
    @Scheduled(every = "${ishc.outbox.purge-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1m")
    public void purgePublished() {
        Instant before = Instant.now().minus(retention);
        long deleted = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.delete("publishedAt < ?1", before));
        if (deleted > 0) {
            LOG.infof("Purged %d outbox rows published before %s", deleted, before);
        }
    }

    /** Whether the last attempt reached Kafka, and when Kafka last acknowledged a record. */
    public boolean kafkaReachable() {
        return !failing;
    }

    public Instant lastAcknowledged() {
        return lastAcknowledged;
    }

    private void wakeUp() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    relay();
                });
            } catch (RejectedExecutionException stopping) {
                queued.set(false); // shutting down: the rows stay and go out after the restart
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    void relay() {
        try {
            Batch batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (batch.retryReason() == null && batch.handled() == batchSize);
            if (batch.retryReason() != null) {
                cannotPublish(batch.retryReason());
            } else if (failing) {
                LOG.info("Kafka accepts events again; the outbox is flowing");
                failing = false;
            }
        } catch (RuntimeException e) {
            cannotPublish(e.getMessage());
        }
    }

    private void cannotPublish(String reason) {
        if (!failing) {
            LOG.warnf("Cannot publish outbox events yet, will retry: %s", reason);
            failing = true;
        }
        failures.increment();
    }

    /** What one batch did: rows published or parked, and why the rest must wait (null: nothing waits). */
    private record Batch(int handled, String retryReason) {
    }

    /**
     * Sends a batch and waits for every acknowledgement. Rows Kafka acknowledged are marked
     * published and rows it refused for good are parked, both in this transaction; rows that failed
     * in a way that may pass (Kafka away, a timeout) stay for the next try.
     */
    private Batch publishBatch() throws InterruptedException {
        // SKIP LOCKED: two replicas never publish the same rows at the same time.
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = OutboxEvent.getEntityManager()
                .createNativeQuery("select * from outbox_event where published_at is null and parked_at is null "
                        + "order by id limit :n for update skip locked", OutboxEvent.class)
                .setParameter("n", batchSize)
                .getResultList();
        if (batch.isEmpty()) {
            return new Batch(0, null);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            Future<RecordMetadata> ack = send(event);
            acks.add(ack);
            if (ack.isDone() && failedForNow(ack)) {
                break; // Kafka is away: the rest of the batch waits with this row, in order
            }
        }
        Instant now = Instant.now();
        String retryReason = null;
        int done = 0;
        for (int i = 0; i < acks.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(15, TimeUnit.SECONDS);
                // After a row that must be retried, later rows are sent again with it, so that the
                // last copy of each event reaches Kafka in the order the changes were made.
                if (retryReason == null) {
                    event.publishedAt = now;
                    delay.record(Duration.between(event.createdAt, now));
                    done++;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                PublishFailure failure = PublishFailure.of(e);
                if (failure.permanent()) {
                    park(event, failure.reason(), now);
                    done++;
                } else if (retryReason == null) {
                    retryReason = failure.reason();
                }
            }
        }
        published.increment(batch.stream().filter(e -> e.publishedAt != null).count());
        if (done > 0) {
            lastAcknowledged = now;
        }
        return new Batch(done, retryReason);
    }

    private static boolean failedForNow(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return !PublishFailure.of(e).permanent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private Future<RecordMetadata> send(OutboxEvent event) {
        try {
            return producer.send(new ProducerRecord<>(event.topic, event.recordKey, event.payload));
        } catch (RuntimeException e) {
            // The producer refused before sending (metadata not available, record too large):
            // report it through the same path as a failed acknowledgement.
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    private void park(OutboxEvent event, String reason, Instant now) {
        event.parkedAt = now;
        event.parkReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        parked.increment();
        LOG.errorf("Outbox event %s (topic %s, key %s) parked: Kafka refuses it for good: %s. Later events go on; "
                + "fix the cause and re-drive it with POST /api/v1/admin/outbox/parked/redrive", event.eventId, event.topic,
                event.recordKey, reason);
    }
}
