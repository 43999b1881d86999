package vn.ishc.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Every table the projections write, emptied at once for a rebuild by replay. */
@ApplicationScoped
public class ProjectedTables {

    @Inject
    EntityManager em;

    /** Forgets every projected record, the ledger of applied events and how far each source was applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear() {
        em.createNativeQuery(
                "truncate table club_member, club_placement, club, admin_unit_period, admin_unit_succession, admin_unit_version, contribution, pledge, "
                        + "applied_event, source_freshness")
                .executeUpdate();
    }
}
