package vn.ishc.reporting.projection;

import vn.ishc.kit.time.SqlTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A district's (or the province's) communes and their active clubs on a day, counted from the
 * projected clubs and members by the counting rules: the drill-down below the area figures. A club
 * is listed in the commune it is placed in on the day (registry's placements follow merges).
 */
@ApplicationScoped
public class CommuneFigures {

    /** One active club and its active, older and women members on the day. */
    public record ClubRow(UUID id, String name, LocalDate establishedOn, long members, long older, long women) {
    }

    /** A commune in force on the day, with its active clubs (none: not yet covered). */
    public record CommuneRow(String code, String name, List<ClubRow> clubs) {
    }

    @Inject
    EntityManager em;

    @Inject
    Areas areas;

    @Transactional
    public List<CommuneRow> inDistrict(String district, LocalDate day) {
        return rows(areas.communesOn(district, day), "p.district_code = :area", district, day);
    }

    /**
     * All the province's communes in force on the day (directly under it after the 2025 reform,
     * under its districts before), with the clubs placed in them; a club awaiting a successor
     * decision sits in no commune and is not listed.
     */
    @Transactional
    public List<CommuneRow> inProvince(String province, LocalDate day) {
        return rows(areas.provinceCommunesOn(day), "p.province_code = :area and p.commune_code is not null", province, day);
    }

    private List<CommuneRow> rows(List<Areas.Unit> inForce, String placedIn, String area, LocalDate day) {
        Map<String, CommuneRow> communes = new LinkedHashMap<>();
        for (Areas.Unit commune : inForce) {
            communes.put(commune.code(), new CommuneRow(commune.code(), commune.fullName(), new ArrayList<>()));
        }
        String sql = "with active_member as (" + ActiveMembersSql.ACTIVE_MEMBERS + """
                )
                select p.commune_code, c.id, c.name, c.established_on, count(m.member_id),
                       count(m.member_id) filter (where m.older), count(m.member_id) filter (where m.gender = 'FEMALE')
                from club c
                join club_placement p on p.club_id = c.id and\s""" + PlacementSql.ON_DAY + """

                left join active_member m on m.club_id = c.id
                where c.established_on <= :day and (c.closed_on is null or c.closed_on > :day)
                  and\s""" + placedIn + """

                group by p.commune_code, c.id, c.name, c.established_on
                order by c.name, c.id""";
        @SuppressWarnings("unchecked")
        List<Object[]> clubs = em.createNativeQuery(sql)
                .setParameter("area", area).setParameter("day", day).getResultList();
        for (Object[] row : clubs) {
            // A club placed in a commune not listed on the day (its units not announced yet) is still shown.
            CommuneRow commune = communes.computeIfAbsent((String) row[0], code -> new CommuneRow(code, null, new ArrayList<>()));
            commune.clubs().add(new ClubRow((UUID) row[1], (String) row[2], SqlTime.date(row[3]), n(row[4]), n(row[5]), n(row[6])));
        }
        return List.copyOf(communes.values());
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
