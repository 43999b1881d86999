package vn.ishc.reporting.figures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

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
                store.add(everything(store.programmeStarts()));
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
        if (store.programmeStarts().contains(start)) {
            return;
        }
        FigureDeltas deltas = new FigureDeltas();
        List<LocalDate> only = List.of(start);
        forEachClub(false, club -> deltas.plus(CountingRules.club(club, only).only(Figure.CLUBS_MAINTAINED.key(start))));
        for (Facts.Contribution c : contributions()) {
            deltas.plus(CountingRules.contribution(c, only));
        }
        store.add(deltas);
    }

    FigureDeltas everything(List<LocalDate> starts) {
        FigureDeltas deltas = new FigureDeltas();
        forEachClub(true, club -> deltas.plus(CountingRules.club(club, starts)));
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

    /**
     * Every club with (or without) its members, one club at a time: the rows are streamed from
     * the database so that 600,000 members never sit in memory at once.
     */
    private void forEachClub(boolean withMembers, Consumer<Facts.Club> action) {
        String sql = withMembers
                ? """
                  select c.id, c.district_code, c.established_on, c.closed_on,
                         m.member_id, m.gender, m.birth_date, m.birth_year, m.household_status, m.joined_on, m.left_on
                  from club c left join club_member m on m.club_id = c.id order by c.id"""
                : "select c.id, c.district_code, c.established_on, c.closed_on from club c order by c.id";
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setFetchSize(5_000);
                try (ResultSet rows = query.executeQuery()) {
                    UUID current = null;
                    Facts.Club club = null;
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        if (!id.equals(current)) {
                            if (club != null) {
                                action.accept(club);
                            }
                            current = id;
                            club = new Facts.Club(rows.getString(2), rows.getObject(3, LocalDate.class), rows.getObject(4, LocalDate.class),
                                    new ArrayList<>());
                        }
                        if (withMembers && rows.getObject(5) != null) {
                            club.members().add(new Facts.Member(rows.getString(6), rows.getObject(7, LocalDate.class),
                                    rows.getObject(8, Integer.class), rows.getString(9), rows.getObject(10, LocalDate.class),
                                    rows.getObject(11, LocalDate.class)));
                        }
                    }
                    if (club != null) {
                        action.accept(club);
                    }
                }
            }
        });
    }

    private List<Facts.Contribution> contributions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, district_code, amount_vnd, received_on, reversed_on, pledge_id from contribution")
                .getResultList();
        return rows.stream().map(FigureStore::contribution).toList();
    }
}
