package vn.ishc.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many active clubs meet the club norms on a day, per district, read from the projected clubs
 * and members: 50–70 active members; 60–70% of them women; 60–70% of them older people (60+ on the
 * day, by the counting rules). Norms are reported on, never enforced.
 */
@ApplicationScoped
public class ClubNorms {

    /** Active clubs, and how many of them meet the size, women, older and all three norms. */
    public record Counts(long clubs, long size, long women, long older, long all) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(clubs + o.clubs, size + o.size, women + o.women, older + o.older, all + o.all);
        }
    }

    @Inject
    EntityManager em;

    /**
     * Per counting area on the day (decision 0013): the district of the club's placement then, else
     * its commune, else the province (a club awaiting a successor commune).
     */
    @Transactional
    public Map<String, Counts> byArea(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("with active_member as (" + ActiveMembersSql.ACTIVE_MEMBERS + """
                        ), active_club as (
                            select coalesce(p.district_code, p.commune_code, p.province_code) as area, count(m.club_id) as n,
                                   count(m.club_id) filter (where m.gender = 'FEMALE') as women,
                                   count(m.club_id) filter (where m.older) as older
                            from club c
                            join club_placement p on p.club_id = c.id and p.valid_from <= :day and (p.valid_to is null or p.valid_to > :day)
                            left join active_member m on m.club_id = c.id
                            where c.established_on <= :day and (c.closed_on is null or c.closed_on > :day)
                            group by c.id, coalesce(p.district_code, p.commune_code, p.province_code)
                        )
                        select area, count(*),
                               count(*) filter (where n between 50 and 70),
                               count(*) filter (where n > 0 and women * 10 between n * 6 and n * 7),
                               count(*) filter (where n > 0 and older * 10 between n * 6 and n * 7),
                               count(*) filter (where n between 50 and 70 and women * 10 between n * 6 and n * 7
                                                and older * 10 between n * 6 and n * 7)
                        from active_club group by area""")
                .setParameter("day", day).getResultList();
        Map<String, Counts> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], new Counts(n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5])));
        }
        return counts;
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
