package vn.ishc.funding.stats;

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
import vn.ishc.funding.replica.RegistryReplica;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Số liệu tổng hợp của dịch vụ theo ngày, theo huyện. The service's own aggregate counts on a date, by district.")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
public class StatsResource {

    /** The province this deployment serves (configuration, default Thái Nguyên). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "ishc.province-code", defaultValue = "19")
    String provinceCode;
    /** No contribution predates the platform's programmes; stands for "no lower bound". */
    private static final LocalDate NO_LOWER_BOUND = LocalDate.of(1900, 1, 1);

    @Inject
    EntityManager em;

    @Inject
    VietnamClock clock;

    @Inject
    RegistryReplica registry;

    @GET
    @Operation(summary = "funding's own totals per district and for the province on a date",
            description = "A contribution counts when from <= receivedOn <= asOf and it was not reversed on or before asOf; one "
                    + "without a district counts for the province only in districts/provinceLevel. Pledged outstanding: pledges made "
                    + "by asOf and not cancelled by then, less the counted contributions that name them (never below zero). areas: the "
                    + "areas in force on asOf (the province's districts, or its communes from the 2025 reform) and a PROVINCE line; an "
                    + "item recorded to a district counts there while the district is in force, at province level from the day it ends.")
    public FundingStats stats(@Parameter(description = "Date (YYYY-MM-DD), default today", example = "2019-06-30") @QueryParam("asOf") String asOfParam,
                              @Parameter(description = "Count only contributions received from this date, e.g. the programme start",
                                      example = "2017-01-01") @QueryParam("from") String fromParam) {
        LocalDate asOf = QueryParams.date("asOf", asOfParam);
        LocalDate from = QueryParams.date("from", fromParam);
        if (asOf == null) {
            asOf = clock.today();
        } else if (asOf.isAfter(clock.today())) {
            throw ProblemException.invalid("asOf", "date.future");
        }
        Map<String, AreaTotals> districts = new TreeMap<>();
        registry.districtNames().keySet().forEach(code -> districts.put(code, AreaTotals.empty(code)));
        AreaTotals provinceLevel = AreaTotals.empty(null);
        AreasInForce areas = new AreasInForce(registry, provinceCode, asOf);

        @SuppressWarnings("unchecked")
        List<Object[]> received = em.createNativeQuery("""
                        select district_code, form, sum(amount_vnd), commune_code from contribution
                        where received_on between :from and :asOf and (reversed_on is null or reversed_on > :asOf)
                        group by district_code, commune_code, form""")
                .setParameter("from", from == null ? NO_LOWER_BOUND : from).setParameter("asOf", asOf).getResultList();
        for (Object[] row : received) {
            long vnd = ((Number) row[2]).longValue();
            areas.add(row[0] != null ? (String) row[0] : (String) row[3], AreaTotals.empty(null).received((String) row[1], vnd));
            if (row[0] == null) {
                provinceLevel = provinceLevel.received((String) row[1], vnd);
            } else {
                districts.merge((String) row[0], AreaTotals.empty((String) row[0]).received((String) row[1], vnd), AreaTotals::plus);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> outstanding = em.createNativeQuery("""
                        select p.district_code, sum(greatest(0, p.amount_vnd - coalesce(f.fulfilled, 0))), p.commune_code
                        from pledge p left join (
                            select pledge_id, sum(amount_vnd) as fulfilled from contribution
                            where pledge_id is not null and received_on <= :asOf and (reversed_on is null or reversed_on > :asOf)
                            group by pledge_id) f on f.pledge_id = p.id
                        where p.pledged_on <= :asOf and (p.cancelled_on is null or p.cancelled_on > :asOf)
                        group by p.district_code, p.commune_code""")
                .setParameter("asOf", asOf).getResultList();
        for (Object[] row : outstanding) {
            long vnd = ((Number) row[1]).longValue();
            areas.add(row[0] != null ? (String) row[0] : (String) row[2], AreaTotals.empty(null).outstanding(vnd));
            if (row[0] == null) {
                provinceLevel = provinceLevel.outstanding(vnd);
            } else {
                districts.merge((String) row[0], AreaTotals.empty((String) row[0]).outstanding(vnd), AreaTotals::plus);
            }
        }
        AreaTotals province = new AreaTotals(provinceCode, 0, 0, 0, 0, 0).plus(provinceLevel);
        for (AreaTotals district : districts.values()) {
            province = province.plus(district);
        }
        return new FundingStats(asOf, from, province, provinceLevel, List.copyOf(districts.values()), areas.lines());
    }
}
