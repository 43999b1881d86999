package vn.ishc.registry.club;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.time.VietnamClock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * At start-up after a migration changed the administrative units (their fingerprint differs from
 * the one the clubs were last placed on), places every club again and announces those whose
 * placements changed: so a reform's data moves existing clubs without code, each with a new
 * version, a history entry and one snapshot event (decision 0013). Other starts do nothing.
 */
@ApplicationScoped
public class ClubPlacementsOnStart {

    private static final Logger LOG = Logger.getLogger(ClubPlacementsOnStart.class);
    static final String ACTOR = "registry-service";
    private static final int CHUNK = 200;

    @Inject
    EntityManager em;

    @Inject
    ClubPlacements placements;

    @Inject
    vn.ishc.registry.adminunit.Hierarchy hierarchy;

    @Inject
    ClubSnapshots snapshots;

    @Inject
    ChangeRecorder history;

    @Inject
    VietnamClock clock;

    // After the admin units have been announced (default priority 2500), so consumers know the new units first.
    void onStart(@Observes @Priority(3000) StartupEvent start) {
        String basis = QuarkusTransaction.requiringNew().call(hierarchy::fingerprint);
        if (basis.equals(QuarkusTransaction.requiringNew().call(this::lastBasis))) {
            return; // the units have not changed since the clubs were last placed
        }
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() ->
                em.createQuery("select c.id from Club c order by c.id", UUID.class).getResultList());
        int moved = 0;
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            moved += QuarkusTransaction.requiringNew().call(() -> placeAgain(chunk));
        }
        // Recorded last: a start that stops half-way places the rest next time (placing is idempotent).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into club_placement_basis (id, fingerprint) values (1, :basis)
                        on conflict (id) do update set fingerprint = excluded.fingerprint""")
                .setParameter("basis", basis).executeUpdate());
        LOG.infof("Placed %d of %d clubs again after a change of the administrative units", moved, ids.size());
    }

    private String lastBasis() {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select fingerprint from club_placement_basis where id = 1").getResultList();
        return found.isEmpty() ? "" : found.get(0);
    }

    private int placeAgain(List<UUID> ids) {
        // One replica at a time; the others then find nothing to change.
        em.createNativeQuery("select pg_advisory_xact_lock(190002)").getSingleResult();
        int moved = 0;
        Instant now = clock.now();
        for (UUID id : ids) {
            Club club = em.find(Club.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            String before = describe(club.placements);
            if (!club.place(placements.of(club.communeCode, club.establishedOn, club.successorCommuneCode))) {
                continue;
            }
            club.changed(ACTOR, now);
            history.record(club.id, Club.HISTORY_ENTITY, club.id, "PLACED", new Changes().field("placements", before, describe(club.placements)),
                    ACTOR, now);
            snapshots.publish(club);
            moved++;
        }
        return moved;
    }

    /** "05437/164 từ 2018-03-15; 05443 từ 2025-07-01": how the history shows where a club sat. */
    static String describe(List<ClubPlacement> placements) {
        if (placements.isEmpty()) {
            return null;
        }
        return placements.stream()
                .map(p -> (p.communeCode() == null ? "chờ chọn nơi kế thừa" : p.communeCode())
                        + (p.districtCode() == null ? "" : "/" + p.districtCode()) + " từ " + p.from())
                .collect(Collectors.joining("; "));
    }
}
