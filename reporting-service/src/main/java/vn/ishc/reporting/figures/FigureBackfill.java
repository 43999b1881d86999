package vn.ishc.reporting.figures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Computes stored figures from the projection tables, for the cases where they cannot come from
 * event by event: an install whose projections predate the figures (at start), and a programme
 * with a start date no figure is kept for yet. Holds the figures lock alone meanwhile, so no
 * event is applied half before and half after.
 */
@ApplicationScoped
public class FigureBackfill {

    private static final Logger LOG = Logger.getLogger(FigureBackfill.class);

    @Inject
    EntityManager em;

    @Inject
    FigureStore store;

    @Inject
    ReadyFigures ready;

    void onStart(@Observes StartupEvent start) {
        computeIfNotBuilt();
        ready.refresh();
    }

    /** Computes the stored figures from the projections unless they were built before (or since kept by events). */
    public void computeIfNotBuilt() {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            Boolean built = (Boolean) em.createNativeQuery("select built from progress_revision").getSingleResult();
            if (!built) {
                store.lockExclusive();
                long began = System.nanoTime();
                store.clear();
                store.add(everything(store.programmeStarts()));
                em.createNativeQuery("update progress_revision set built = true").executeUpdate();
                LOG.infof("Progress figures computed from the projections in %d ms", (System.nanoTime() - began) / 1_000_000);
            }
        });
    }

    /**
     * Adds the start-dependent figures (clubs maintained, VND received) for a programme about to be
     * stored, unless another programme already has that start.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addProgrammeStart(LocalDate start) {
        store.lockExclusive();
        if (store.programmeStarts().contains(start)) {
            return;
        }
        FigureDeltas deltas = new FigureDeltas();
        List<LocalDate> only = List.of(start);
        for (Facts.Club club : clubs(false).values()) {
            deltas.plus(CountingRules.club(club, only).only(Figure.CLUBS_MAINTAINED.key(start)));
        }
        for (Facts.Contribution c : contributions()) {
            deltas.plus(CountingRules.contribution(c, only));
        }
        store.add(deltas);
    }

    FigureDeltas everything(List<LocalDate> starts) {
        FigureDeltas deltas = new FigureDeltas();
        for (Facts.Club club : clubs(true).values()) {
            deltas.plus(CountingRules.club(club, starts));
        }
        List<Facts.Contribution> contributions = contributions();
        Map<UUID, List<Facts.Contribution>> byPledge = new HashMap<>();
        for (Facts.Contribution c : contributions) {
            deltas.plus(CountingRules.contribution(c, starts));
            if (c.pledgeId() != null) {
                byPledge.computeIfAbsent(c.pledgeId(), k -> new ArrayList<>()).add(c);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> pledges = em.createNativeQuery("select id, district_code, amount_vnd, pledged_on, cancelled_on from pledge").getResultList();
        for (Object[] p : pledges) {
            deltas.plus(CountingRules.pledge(new Facts.Pledge(FigureStore.area((String) p[1]), ((Number) p[2]).longValue(),
                    FigureStore.date(p[3]), FigureStore.date(p[4]), byPledge.getOrDefault((UUID) p[0], List.of()))));
        }
        return deltas;
    }

    private Map<UUID, Facts.Club> clubs(boolean withMembers) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, district_code, established_on, closed_on from club").getResultList();
        Map<UUID, Facts.Club> clubs = new HashMap<>();
        for (Object[] r : rows) {
            clubs.put((UUID) r[0], new Facts.Club((String) r[1], FigureStore.date(r[2]), FigureStore.date(r[3]), new ArrayList<>()));
        }
        if (withMembers) {
            @SuppressWarnings("unchecked")
            List<Object[]> members = em.createNativeQuery("""
                    select club_id, gender, birth_date, birth_year, household_status, joined_on, left_on from club_member""").getResultList();
            for (Object[] m : members) {
                Facts.Club club = clubs.get((UUID) m[0]);
                club.members().add(new Facts.Member((String) m[1], FigureStore.date(m[2]), m[3] == null ? null : ((Number) m[3]).intValue(),
                        (String) m[4], FigureStore.date(m[5]), FigureStore.date(m[6])));
            }
        }
        return clubs;
    }

    private List<Facts.Contribution> contributions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, district_code, amount_vnd, received_on, reversed_on, pledge_id from contribution")
                .getResultList();
        return rows.stream().map(FigureStore::contribution).toList();
    }
}
