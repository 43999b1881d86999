package vn.ishc.reporting.rebuild;

import vn.ishc.kit.memory.HeapRoom;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.time.SqlTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds every projection without downtime, with any number of replicas (decision 0014). The
 * replica that gets the request records a new run and replays the topics into a shadow projection
 * ({@link Replay}) while every replica keeps applying live events to the live one and answering
 * from it; when the shadow has caught up, it is switched in at once and every replica's figures
 * reload. The running replica keeps the run's heartbeat fresh; if it dies, another replica (or
 * the same one restarted) takes the run over and replays again from the beginning.
 * Programmes and targets are reporting's own records and are kept.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final String COLUMNS = "generation, state, requested_at, started_at, finished_at, events_replayed, replica, failure";

    @Inject
    EntityManager em;

    @Inject
    Replay replay;

    @Inject
    ShadowProjection shadow;

    @Inject
    HeapRoom heapRoom;

    /** A run whose heartbeat is older than this has lost its replica. */
    @ConfigProperty(name = "ishc.rebuild.abandoned-after", defaultValue = "60s")
    Duration abandonedAfter;

    /**
     * How often a replaying run's heartbeat (and its count of events) is written at most. A replay
     * polls many times a second, and each heartbeat is a transaction of its own waiting for its commit
     * to reach the disk; well under {@link #abandonedAfter}, so that a live replica is never taken for lost.
     */
    @ConfigProperty(name = "ishc.rebuild.heartbeat-every", defaultValue = "1s")
    Duration heartbeatEvery;

    /** This process, as runs name their replica. */
    private final String replica = hostName() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rebuild-replay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    /** Starts a rebuild on this replica; 409 while one is replaying (here or on a live replica). */
    public RebuildStatus start() {
        RebuildStatus started = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("lock table rebuild_run in exclusive mode").executeUpdate();
            Optional<RebuildStatus> running = latest().filter(r -> r.state().equals("REPLAYING"));
            if (running.isPresent()) {
                throw ProblemException.conflict("rebuild.running", running.get().generation(), running.get().startedAt());
            }
            em.createNativeQuery("""
                            insert into rebuild_run (generation, state, requested_at, started_at, replica, heartbeat_at)
                            select coalesce(max(generation), 0) + 1, 'REPLAYING', now(), now(), :replica, now() from rebuild_run""")
                    .setParameter("replica", replica).executeUpdate();
            return latest().orElseThrow();
        });
        replayInBackground(started.generation());
        return started;
    }

    /** The latest rebuild, if any was ever asked for. */
    public Optional<RebuildStatus> latest() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from rebuild_run order by generation desc limit 1").getResultList();
            return rows.stream().findFirst().map(r -> new RebuildStatus(((Number) r[0]).longValue(), (String) r[1], SqlTime.instant(r[2]),
                    SqlTime.instant(r[3]), SqlTime.instant(r[4]), ((Number) r[5]).longValue(), (String) r[6], (String) r[7]));
        });
    }

    /**
     * Every replica, now and then: takes over a replaying run whose replica stopped answering, and
     * replays it again. Never its own run: a slow heartbeat here is not a dead replica (if another
     * replica takes it over meanwhile, this one learns it at its next heartbeat and stops).
     */
    @Scheduled(every = "${ishc.rebuild.take-over-check:15s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeOverAbandoned() {
        if (stopping) {
            return;
        }
        Optional<Long> generation = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> taken = em.createNativeQuery("""
                            update rebuild_run set replica = :replica, heartbeat_at = now(), started_at = now(), events_replayed = 0
                            where state = 'REPLAYING' and heartbeat_at < now() - make_interval(secs => :seconds)
                              and replica <> :replica
                            returning generation""")
                    .setParameter("replica", replica).setParameter("seconds", abandonedAfter.toSeconds()).getResultList();
            return taken.stream().findFirst().map(Number::longValue);
        });
        generation.ifPresent(g -> {
            LOG.infof("Rebuild %d lost its replica; replaying it again here", g);
            replayInBackground(g);
        });
    }

    private void replayInBackground(long generation) {
        worker.submit(() -> {
            // Room in the heap while the replay runs (decision 0020), given back when it ends.
            try (HeapRoom.Held room = heapRoom.hold()) {
                long[] lastBeat = {System.nanoTime() - heartbeatEvery.toNanos()}; // the first poll beats
                long replayed = replay.run(applied -> heartbeat(generation, applied, lastBeat),
                        count -> finish(generation, "SWITCHED", null, count));
                LOG.infof("Rebuild %d done: %d events replayed and switched in", generation, replayed);
            } catch (Replay.Abandoned abandoned) {
                LOG.infof("Rebuild %d stopped here: %s", generation, abandoned.getMessage());
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.infof("Rebuild %d interrupted by the shutdown; another replica or the next start takes it over", generation);
                    return;
                }
                LOG.errorf(e, "Rebuild %d failed; the live projections stay as they were", generation);
                // Only a run still this replica's drops the shadow: after a takeover it is the new owner's.
                if (QuarkusTransaction.requiringNew().call(() -> finish(generation, "FAILED", e.getMessage(), null))) {
                    shadow.drop();
                }
            }
        });
    }

    /**
     * Keeps the run this replica's; false when another replica took it over (or it ended). Written
     * only when {@link #heartbeatEvery} has passed since {@code lastBeat} (this run's last write).
     */
    private boolean heartbeat(long generation, long applied, long[] lastBeat) {
        if (stopping) {
            throw new Replay.Abandoned("the service is stopping");
        }
        long now = System.nanoTime();
        if (now - lastBeat[0] < heartbeatEvery.toNanos()) {
            return true;
        }
        lastBeat[0] = now;
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update rebuild_run set heartbeat_at = now(), events_replayed = :applied
                        where generation = :generation and replica = :replica and state = 'REPLAYING'""")
                .setParameter("applied", applied).setParameter("generation", generation).setParameter("replica", replica)
                .executeUpdate() == 1);
    }

    /** Ends the run, in the caller's transaction (the switch's own, so that both commit together); whether it was still this replica's. */
    private boolean finish(long generation, String state, String failure, Long replayed) {
        int updated = em.createNativeQuery("""
                        update rebuild_run set state = :state, finished_at = now(), failure = :failure, heartbeat_at = now(),
                            events_replayed = case when :replayed < 0 then events_replayed else :replayed end
                        where generation = :generation and replica = :replica and state = 'REPLAYING'""")
                .setParameter("state", state).setParameter("failure", failure == null ? null : truncate(failure))
                .setParameter("replayed", replayed == null ? -1L : replayed)
                .setParameter("generation", generation).setParameter("replica", replica).executeUpdate();
        if (updated != 1 && state.equals("SWITCHED")) {
            throw new Replay.Abandoned("the rebuild was taken over by another replica before it could switch");
        }
        return updated == 1;
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        worker.shutdownNow();
    }

    private static String truncate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static String hostName() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(at + 1);
    }
}
