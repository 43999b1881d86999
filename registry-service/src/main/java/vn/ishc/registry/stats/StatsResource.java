package vn.ishc.registry.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Số liệu tổng hợp của dịch vụ theo ngày, theo địa bàn. The service's own aggregate counts on a date, by the areas in force (districts, then communes from 2025-07-01).")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
public class StatsResource {

    /** The province the registry serves. */
    /** The province this deployment serves (configuration, default Thái Nguyên). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "ishc.province-code", defaultValue = "19")
    String provinceCode;

    @Inject
    EntityManager em;

    @Inject
    VietnamClock clock;

    @GET
    @Operation(summary = "registry's own counts per area on a date, straight from its tables",
            description = "Clubs active; members active, older (60+ on asOf), women, poor, near-poor, hardship — by the counting "
                    + "rules of the programme, in the area each club sits in on asOf. reporting reconciles its live figures against these.")
    public RegistryStats stats(@Parameter(description = "Date (YYYY-MM-DD), default today", example = "2019-06-30")
                               @QueryParam("asOf") String asOfParam) {
        LocalDate asOf = QueryParams.date("asOf", asOfParam);
        if (asOf == null) {
            asOf = clock.today();
        } else if (asOf.isAfter(clock.today())) {
            throw ProblemException.invalid("asOf", "date.future");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with placed as (
                            select c.id, coalesce(p.district_code, p.commune_code, p.province_code) as area
                            from club c join club_placement p on p.club_id = c.id
                                and p.valid_from <= :asOf and (p.valid_to is null or p.valid_to > :asOf)
                            where c.established_on <= :asOf and (c.closed_on is null or c.closed_on > :asOf)
                              and p.province_code = :province
                        ), active_member as (
                            select c.area, m.* from member m join placed c on c.id = m.club_id
                            where m.joined_on <= :asOf and (m.left_on is null or m.left_on > :asOf)
                        ), area as (
                            select code, level from admin_unit
                            where parent_code = :province and (valid_from is null or valid_from <= :asOf) and (valid_to is null or valid_to > :asOf)
                            union all select :province, 'PROVINCE'
                        )
                        select a.code, a.level,
                               (select count(*) from placed c where c.area = a.code),
                               count(m.id),
                               count(m.id) filter (where case when m.birth_date is not null
                                                              then m.birth_date <= cast(:asOf as date) - interval '60 years'
                                                              else extract(year from cast(:asOf as date)) - m.birth_year >= 60 end),
                               count(m.id) filter (where m.gender = 'FEMALE'),
                               count(m.id) filter (where m.household_status = 'POOR'),
                               count(m.id) filter (where m.household_status = 'NEAR_POOR'),
                               count(m.id) filter (where m.household_status = 'HARDSHIP')
                        from area a left join active_member m on m.area = a.code
                        group by a.code, a.level order by a.code""")
                .setParameter("asOf", asOf).setParameter("province", provinceCode).getResultList();
        List<DistrictCounts> districts = new ArrayList<>();
        List<AreaCounts> areas = new ArrayList<>();
        DistrictCounts province = new DistrictCounts(provinceCode, 0, 0, 0, 0, 0, 0, 0);
        for (Object[] row : rows) {
            AreaCounts counts = new AreaCounts((String) row[0], (String) row[1], n(row[2]), n(row[3]), n(row[4]), n(row[5]), n(row[6]),
                    n(row[7]), n(row[8]));
            boolean provinceLevel = "PROVINCE".equals(counts.level());
            if (provinceLevel && counts.clubsActive() == 0 && counts.membersActive() == 0) {
                continue;
            }
            areas.add(counts);
            if ("DISTRICT".equals(counts.level())) {
                districts.add(counts.counts());
            }
            province = province.plus(counts.counts());
        }
        return new RegistryStats(asOf, province, districts, areas);
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
