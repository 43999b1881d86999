package vn.ishc.funding.replica;

import vn.ishc.kit.time.SqlTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What funding knows of registry's administrative units and clubs, to validate contributions and
 * pledges without calling into registry: a replica kept from registry's events. Codes are reused
 * across the 2025 reform, so every lookup of a unit takes a date (decision 0013).
 */
@ApplicationScoped
public class RegistryReplica {

    /** One period of a unit: DISTRICT or COMMUNE (or PROVINCE), under its parent. */
    public record Unit(String code, String fullName, String level, String parentCode) {

        public boolean isDistrict() {
            return "DISTRICT".equals(level);
        }
    }

    /** Where a club sits from {@code from} (inclusive) to {@code until} (exclusive, null: still). */
    public record Placement(LocalDate from, LocalDate until, String communeCode, String districtCode) {
    }

    /** A club as funding sees it: when it was active and where it sat on each day. */
    public record ClubFacts(UUID id, LocalDate establishedOn, LocalDate closedOn, List<Placement> placements) {

        public boolean closedOn(LocalDate date) {
            return closedOn != null && !closedOn.isAfter(date);
        }

        /** The placement holding on the date: the latest that started by then (the first, for a date before it). */
        public Placement placementOn(LocalDate date) {
            return placements.stream().filter(p -> date == null || !p.from().isAfter(date)).max(Comparator.comparing(Placement::from))
                    .orElse(placements.get(0));
        }
    }

    private static final String IN_FORCE = " (valid_from is null or valid_from <= :on) and (valid_to is null or valid_to > :on) ";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "ishc.province-code", defaultValue = "19")
    String provinceCode;

    /** The areas in force on the date: the province's children that day (its districts, or after the reform its communes). */
    public List<Unit> areasOn(LocalDate on) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, full_name, level, parent_code from admin_unit_replica "
                        + "where parent_code = :province and level in ('DISTRICT', 'COMMUNE') and" + IN_FORCE + "order by code")
                .setParameter("province", provinceCode).setParameter("on", on).getResultList();
        return rows.stream().map(RegistryReplica::unit).toList();
    }

    /** The period of the code in force on the date, if any. */
    public Optional<Unit> unitOn(String code, LocalDate on) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, full_name, level, parent_code from admin_unit_replica where code = :code and"
                        + IN_FORCE).setParameter("code", code).setParameter("on", on).setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(RegistryReplica::unit);
    }

    /** Whether the province has communes directly under it on the date (from the 2025 reform on). */
    public boolean communesUnderProvince(LocalDate on) {
        return !em.createNativeQuery("select 1 from admin_unit_replica where parent_code = :province and level = 'COMMUNE' and" + IN_FORCE)
                .setParameter("province", provinceCode).setParameter("on", on).setMaxResults(1).getResultList().isEmpty();
    }

    /** The day the province's districts ended, when they had all ended by the date. */
    public Optional<LocalDate> districtsEndedBy(LocalDate on) {
        List<?> ends = em.createNativeQuery("select max(valid_to) from admin_unit_replica where parent_code = :province and level = 'DISTRICT' "
                        + "having count(*) = count(valid_to) and max(valid_to) <= :on")
                .setParameter("province", provinceCode).setParameter("on", on).getResultList();
        return ends.isEmpty() || ends.get(0) == null ? Optional.empty() : Optional.of(SqlTime.date(ends.get(0)));
    }

    /** Whether a district with the code is known at all (whatever its dates). */
    public boolean districtExists(String code) {
        return !em.createNativeQuery("select 1 from admin_unit_replica where code = :code and level = 'DISTRICT'")
                .setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
    }

    /** "Thành phố Sông Công (165)": a unit by its latest full name and its code; the code alone if unknown here. */
    public String areaLabel(String code) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select full_name from admin_unit_replica where code = :code order by valid_from desc nulls last")
                .setParameter("code", code).setMaxResults(1).getResultList();
        return names.isEmpty() ? code : names.get(0) + " (" + code + ")";
    }

    /** Every district of the province known here (in force or ended), by code, with its latest full name. */
    public Map<String, String> districtNames() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, full_name from admin_unit_replica where level = 'DISTRICT' "
                + "and parent_code = :province order by code, valid_from nulls first").setParameter("province", provinceCode).getResultList();
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    /** The names of the communes that have sat directly under the province (from the 2025 reform), each with its code. */
    public Map<String, String> communeCodesByName() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select full_name, code from admin_unit_replica where level = 'COMMUNE' "
                + "and parent_code = :province order by valid_from nulls first").setParameter("province", provinceCode).getResultList();
        Map<String, String> codes = new LinkedHashMap<>();
        rows.forEach(row -> codes.put((String) row[0], (String) row[1]));
        return codes;
    }

    public Optional<ClubFacts> club(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select established_on, closed_on, commune_code, district_code from club_replica where id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> placed = em.createNativeQuery("select valid_from, valid_to, commune_code, district_code from club_placement_replica "
                + "where club_id = :id order by valid_from").setParameter("id", id).getResultList();
        List<Placement> placements = placed.stream()
                .map(p -> new Placement(SqlTime.date(p[0]), SqlTime.date(p[1]), (String) p[2], (String) p[3])).toList();
        Object[] row = rows.get(0);
        return Optional.of(new ClubFacts(id, SqlTime.date(row[0]), SqlTime.date(row[1]), placements.isEmpty()
                ? List.of(new Placement(SqlTime.date(row[0]), null, (String) row[2], (String) row[3])) : placements));
    }

    private static Unit unit(Object[] row) {
        return new Unit((String) row[0], (String) row[1], (String) row[2], (String) row[3]);
    }
}
