package vn.ishc.reporting.projection;

import vn.ishc.kit.time.SqlTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/** The one reader of how far each source's events have been applied. */
@ApplicationScoped
public class SourceFreshness {

    /** The time of the latest event applied from registry and from funding; null before the first. */
    public record Through(Instant registry, Instant funding) {
    }

    @Inject
    EntityManager em;

    public Through through() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select (select through from source_freshness where source = 'registry'),
                       (select through from source_freshness where source = 'funding')""").getSingleResult();
        return new Through(SqlTime.instant(row[0]), SqlTime.instant(row[1]));
    }
}
