package vn.ishc.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;

/** What happened in a district between two dates (both included): clubs established and closed, members joined and left. */
@ApplicationScoped
public class PeriodFlows {

    public record Flows(long clubsEstablished, long clubsClosed, long membersJoined, long membersLeft) {
    }

    @Inject
    EntityManager em;

    public Flows in(String district, LocalDate from, LocalDate to) {
        Object[] clubs = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where established_on between :from and :to),
                               count(*) filter (where closed_on between :from and :to)
                        from club where district_code = :district""")
                .setParameter("district", district).setParameter("from", from).setParameter("to", to).getSingleResult();
        Object[] members = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where m.joined_on between :from and :to),
                               count(*) filter (where m.left_on between :from and :to)
                        from club_member m join club c on c.id = m.club_id where c.district_code = :district""")
                .setParameter("district", district).setParameter("from", from).setParameter("to", to).getSingleResult();
        return new Flows(((Number) clubs[0]).longValue(), ((Number) clubs[1]).longValue(),
                ((Number) members[0]).longValue(), ((Number) members[1]).longValue());
    }
}
