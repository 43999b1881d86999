package vn.ishc.funding.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows in id order, as soon as the writing transaction commits and on a 1-second
 * tick. A batch is marked published only after Kafka acknowledged
 * every record of it; if Kafka is away the batch stays and is tried again on the next tick, so
 * nothing is lost (a record may go out twice, which consumers ignore by event id and version).
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

    private volatile boolean failing;
    private Counter published;
    private Counter failures;

    /**
     * The relay's metrics exist from the start (at zero), so dashboards and alerts see them before
     * the first event. The gauge counts events written but not yet acknowledged by Kafka: it grows
     * while Kafka is away and drains when it is back.
     */
    void registerMetrics(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        published = metrics.counter("ishc_outbox_published_total");
        failures = metrics.counter("ishc_outbox_publish_failures_total");
        metrics.gauge("ishc_outbox_pending", this, relay -> QuarkusTransaction.requiringNew()
                .call(() -> (double) OutboxEvent.count("publishedAt is null")));
    }

    // One relay thread: runs never overlap, and a wake-up during a run queues exactly one more run.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean queued = new AtomicBoolean();

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
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (sent == batchSize);
            if (failing) {
                LOG.info("Kafka accepts events again; the outbox is flowing");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Cannot publish outbox events yet, will retry: %s", e.getMessage());
                failing = true;
            }
            failures.increment();
        }
    }

    private int publishBatch() throws Exception {
        // SKIP LOCKED: two replicas never publish the same rows at the same time.
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = OutboxEvent.getEntityManager()
                .createNativeQuery("select * from outbox_event where published_at is null order by id limit :n for update skip locked",
                        OutboxEvent.class)
                .setParameter("n", batchSize)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(producer.send(new ProducerRecord<>(event.topic, event.recordKey, event.payload)));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(15, TimeUnit.SECONDS);
        }
        Instant now = Instant.now();
        for (OutboxEvent event : batch) {
            event.publishedAt = now;
        }
        published.increment(batch.size());
        return batch.size();
    }
}
