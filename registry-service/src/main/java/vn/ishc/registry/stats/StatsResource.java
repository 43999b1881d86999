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
@Tag(name = "Statistics", description = "Số liệu tổng hợp của dịch vụ theo ngày, theo huyện. The service's own aggregate counts on a date, by district.")
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
    @Operation(summary = "registry's own counts per district on a date, straight from its tables",
            description = "Clubs active; members active, older (60+ on asOf), women, poor, near-poor, hardship — by the counting "
                    + "rules of the programme. reporting reconciles its live figures against these.")
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
                        with active_club as (
                            select id, district_code from club
                            where established_on <= :asOf and (closed_on is null or closed_on > :asOf)
                        ), active_member as (
                            select c.district_code, m.* from member m join active_club c on c.id = m.club_id
                            where m.joined_on <= :asOf and (m.left_on is null or m.left_on > :asOf)
                        ), district as (
                            select distinct code from admin_unit where level = 'DISTRICT' and parent_code = :province
                        )
                        select d.code,
                               (select count(*) from active_club c where c.district_code = d.code),
                               count(m.id),
                               count(m.id) filter (where case when m.birth_date is not null
                                                              then m.birth_date <= cast(:asOf as date) - interval '60 years'
                                                              else extract(year from cast(:asOf as date)) - m.birth_year >= 60 end),
                               count(m.id) filter (where m.gender = 'FEMALE'),
                               count(m.id) filter (where m.household_status = 'POOR'),
                               count(m.id) filter (where m.household_status = 'NEAR_POOR'),
                               count(m.id) filter (where m.household_status = 'HARDSHIP')
                        from district d left join active_member m on m.district_code = d.code
                        group by d.code order by d.code""")
                .setParameter("asOf", asOf).setParameter("province", provinceCode).getResultList();
        List<DistrictCounts> districts = new ArrayList<>();
        DistrictCounts province = new DistrictCounts(provinceCode, 0, 0, 0, 0, 0, 0, 0);
        for (Object[] row : rows) {
            DistrictCounts counts = new DistrictCounts((String) row[0], n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5]),
                    n(row[6]), n(row[7]));
            districts.add(counts);
            province = province.plus(counts);
        }
        return new RegistryStats(asOf, province, districts);
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
