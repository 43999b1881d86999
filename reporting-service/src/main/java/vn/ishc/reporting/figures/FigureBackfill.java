package vn.ishc.reporting.figures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Computes stored figures from the projection tables, for the cases where they cannot come from
 * event by event: an install whose projections predate the figures (at start), and a programme
 * with a start date no figure is kept for yet (live, or in a rebuild's shadow when it came during
 * the replay). The figures lock is held alone meanwhile, so no event is applied half before and half after.
 */
@ApplicationScoped
public class FigureBackfill {

    private static final Logger LOG = Logger.getLogger(FigureBackfill.class);

    @Inject
    ProjectedFacts facts;

    @Inject
    ProgrammeStarts programmeStarts;

    @Inject
    EntityManager em;

    @Inject
    FigureStore store;

    @Inject
    ReadyFigures ready;

    // Early among the start-up observers, before the consumers begin applying events.
    void onStart(@Observes @Priority(1) StartupEvent start) {
        computeIfNotBuilt();
        ready.refresh();
    }

    /** Computes the stored figures from the projections unless they were built before (or since kept by events). */
    public void computeIfNotBuilt() {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            if (!built()) {
                store.lockExclusive();
                if (built()) {
                    return; // another replica computed them while we waited
                }
                long began = System.nanoTime();
                store.clear();
                store.add(everything(programmeStarts.all()));
                em.createNativeQuery("update progress_revision set built = true").executeUpdate();
                LOG.infof("Progress figures computed from the projections in %d ms", (System.nanoTime() - began) / 1_000_000);
            }
        });
    }

    private boolean built() {
        return (Boolean) em.createNativeQuery("select built from progress_revision").getSingleResult();
    }

    /**
     * Adds the start-dependent figures (clubs maintained, VND received) for a programme about to be
     * stored, unless another programme already has that start.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addProgrammeStart(LocalDate start) {
        store.lockExclusive();
        if (programmeStarts.all().contains(start)) {
            return;
        }
        store.add(perStart(List.of(start)));
    }

    /**
     * The figures kept per programme start ({@link Figure#keysPerStart}: clubs maintained, VND received)
     * for {@code starts}, from the projections the caller's transaction reads (the live ones, or a
     * rebuild's shadow); the caller holds the figures lock alone.
     */
    public FigureDeltas perStart(Collection<LocalDate> starts) {
        java.util.Set<String> keys = new java.util.HashSet<>(Figure.keysPerStart(starts));
        FigureDeltas deltas = new FigureDeltas();
        // Clubs without their members: no figure kept per start depends on them.
        facts.forEachClub(false, club -> {
            deltas.plus(CountingRules.club(club, starts).only(keys));
        });
        for (Facts.Contribution c : facts.allContributions()) {
            deltas.plus(CountingRules.contribution(c, starts).only(keys));
        }
        return deltas;
    }

    FigureDeltas everything(List<LocalDate> starts) {
        FigureDeltas deltas = new FigureDeltas();
        facts.forEachClub(true, club -> deltas.plus(CountingRules.club(club, starts)));
        List<Facts.Contribution> contributions = facts.allContributions();
        contributions.forEach(c -> deltas.plus(CountingRules.contribution(c, starts)));
        facts.allPledges(contributions).forEach(p -> deltas.plus(CountingRules.pledge(p)));
        return deltas;
    }
}
