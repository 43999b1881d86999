package vn.ishc.reporting.figures;

import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures counted straight from the projection rows with SQL aggregates, written from the
 * counting rules independently of {@link CountingRules}: the oracle the ready figures are held to.
 * Keys: area code → "clubs.active", "members.older", … as in the progress document.
 */
final class RawRowCounts {

    private RawRowCounts() {
    }

    static Map<String, Map<String, Long>> count(EntityManager em, LocalDate start, LocalDate asOf) {
        Map<String, Map<String, Long>> areas = new TreeMap<>();
        for (Object[] r : rows(em, """
                select district_code, count(*), count(*) filter (where established_on >= :start)
                from club where established_on <= :asOf and (closed_on is null or closed_on > :asOf)
                group by district_code""", start, asOf)) {
            put(areas, r[0], "clubs.active", r[1]);
            put(areas, r[0], "clubs.new", r[2]);
            put(areas, r[0], "clubs.maintained", ((Number) r[1]).longValue() - ((Number) r[2]).longValue());
        }
        for (Object[] r : rows(em, """
                select c.district_code, count(*),
                       count(*) filter (where case when m.birth_date is not null
                                                   then m.birth_date <= cast(:asOf as date) - interval '60 years'
                                                   else extract(year from cast(:asOf as date)) - m.birth_year >= 60 end),
                       count(*) filter (where m.gender = 'FEMALE'),
                       count(*) filter (where m.household_status = 'POOR'),
                       count(*) filter (where m.household_status = 'NEAR_POOR'),
                       count(*) filter (where m.household_status = 'HARDSHIP')
                from club_member m join club c on c.id = m.club_id
                where c.established_on <= :asOf and (c.closed_on is null or c.closed_on > :asOf)
                  and m.joined_on <= :asOf and (m.left_on is null or m.left_on > :asOf)
                  and cast(:start as date) is not null
                group by c.district_code""", start, asOf)) {
            String[] names = {"members.active", "members.older", "members.women", "members.poor", "members.nearPoor", "members.hardship"};
            for (int i = 0; i < names.length; i++) {
                put(areas, r[0], names[i], r[i + 1]);
            }
        }
        for (Object[] r : rows(em, """
                select coalesce(district_code, '19'), sum(amount_vnd) from contribution
                where received_on between :start and :asOf and (reversed_on is null or reversed_on > :asOf)
                group by 1""", start, asOf)) {
            put(areas, r[0], "contributions.receivedVnd", r[1]);
        }
        for (Object[] r : rows(em, """
                select coalesce(p.district_code, '19'), sum(greatest(0, p.amount_vnd - coalesce(f.fulfilled, 0)))
                from pledge p left join (
                    select pledge_id, sum(amount_vnd) as fulfilled from contribution
                    where pledge_id is not null and received_on <= :asOf and (reversed_on is null or reversed_on > :asOf)
                    group by pledge_id) f on f.pledge_id = p.id
                where p.pledged_on <= :asOf and (p.cancelled_on is null or p.cancelled_on > :asOf)
                  and cast(:start as date) is not null
                group by 1""", start, asOf)) {
            put(areas, r[0], "contributions.pledgedOutstandingVnd", r[1]);
        }
        return areas;
    }

    private static void put(Map<String, Map<String, Long>> areas, Object area, String figure, Object value) {
        long v = ((Number) value).longValue();
        if (v != 0) {
            areas.computeIfAbsent((String) area, a -> new TreeMap<>()).put(figure, v);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String sql, LocalDate start, LocalDate asOf) {
        return em.createNativeQuery(sql).setParameter("start", start).setParameter("asOf", asOf).getResultList();
    }
}
