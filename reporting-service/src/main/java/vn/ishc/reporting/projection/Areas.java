package vn.ishc.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.ishc.reporting.config.Province;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The one reader of the projected administrative units: which areas progress is shown for. */
@ApplicationScoped
public class Areas {

    /** A district as progress names it. */
    public record District(String code, String fullName) {
    }

    /** A commune (or ward, township) as the drill-down names it. */
    public record Unit(String code, String fullName) {
    }

    /** An area progress is shown for: a child of the province on a day, a district or (after the 2025 reform) a commune. */
    public record Area(String code, String fullName, String level) {
    }

    /** A district of the province that has ended: its latest name and the day it ended. */
    public record FormerDistrict(String code, String fullName, LocalDate endedOn) {
    }

    /** Where a period is in force on :day. */
    private static final String IN_FORCE = "(valid_from is null or valid_from <= :day) and (valid_to is null or valid_to > :day)";

    @Inject
    EntityManager em;

    /** The province's districts in force on the day, by code. */
    public List<District> districtsOn(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select code, full_name from admin_unit_period
                        where level = 'DISTRICT' and parent_code = :province
                          and (valid_from is null or valid_from <= :day) and (valid_to is null or valid_to > :day)
                        order by code""")
                .setParameter("province", Province.CODE).setParameter("day", day).getResultList();
        return rows.stream().map(row -> new District((String) row[0], (String) row[1])).toList();
    }

    /**
     * The areas in force on the day: the province's children then, its districts before the 2025
     * reform and its communes from then on (the date comes from the data, not from code), by code.
     */
    public List<Area> areasOn(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, full_name, level from admin_unit_period where parent_code = :province and "
                        + IN_FORCE + " order by code")
                .setParameter("province", Province.CODE).setParameter("day", day).getResultList();
        return rows.stream().map(row -> new Area((String) row[0], (String) row[1], (String) row[2])).toList();
    }

    /** The province's communes in force on the day, directly under it or under one of its districts then, by name. */
    public List<Unit> provinceCommunesOn(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, full_name from admin_unit_period c where level = 'COMMUNE' and "
                        + IN_FORCE + " and (parent_code = :province or parent_code in (select d.code from admin_unit_period d "
                        + "where d.level = 'DISTRICT' and d.parent_code = :province and (d.valid_from is null or d.valid_from <= :day) "
                        + "and (d.valid_to is null or d.valid_to > :day))) order by full_name, code")
                .setParameter("province", Province.CODE).setParameter("day", day).getResultList();
        return rows.stream().map(row -> new Unit((String) row[0], (String) row[1])).toList();
    }

    /** The province's districts that ended on or before the day (all of them after the 2025 reform), by code. */
    public List<FormerDistrict> formerDistrictsOn(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select code, (array_agg(full_name order by valid_to desc))[1], max(valid_to) from admin_unit_period
                        where level = 'DISTRICT' and parent_code = :province
                        group by code having bool_and(valid_to is not null) and max(valid_to) <= :day
                        order by code""")
                .setParameter("province", Province.CODE).setParameter("day", day).getResultList();
        return rows.stream().map(row -> new FormerDistrict((String) row[0], (String) row[1], vn.ishc.kit.time.SqlTime.date(row[2]))).toList();
    }

    /** Every period and succession projected, to answer date questions in memory. */
    public UnitHistory history() {
        return history(null);
    }

    /** The periods of the given codes only, without successions (when only ends matter); all of both when null. */
    public UnitHistory history(java.util.Collection<String> codes) {
        if (codes != null && codes.isEmpty()) {
            return new UnitHistory(List.of(), java.util.Map.of());
        }
        String sql = "select code, full_name, level, parent_code, valid_from, valid_to from admin_unit_period";
        var query = codes == null ? em.createNativeQuery(sql) : em.createNativeQuery(sql + " where code in (:codes)").setParameter("codes", codes);
        @SuppressWarnings("unchecked")
        List<Object[]> periods = query.getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> successions = codes != null ? List.of()
                : em.createNativeQuery("select code, valid_to, successor_code from admin_unit_succession order by successor_code").getResultList();
        java.util.Map<String, List<String>> successors = new java.util.HashMap<>();
        for (Object[] s : successions) {
            successors.computeIfAbsent(UnitHistory.endKey((String) s[0], vn.ishc.kit.time.SqlTime.date(s[1])), k -> new java.util.ArrayList<>())
                    .add((String) s[2]);
        }
        return new UnitHistory(periods.stream().map(p -> new UnitHistory.Period((String) p[0], (String) p[1], (String) p[2], (String) p[3],
                vn.ishc.kit.time.SqlTime.date(p[4]), vn.ishc.kit.time.SqlTime.date(p[5]))).toList(), successors);
    }

    /** The district's communes in force on the day, by name. */
    public List<Unit> communesOn(String district, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select code, full_name from admin_unit_period
                        where level = 'COMMUNE' and parent_code = :district
                          and (valid_from is null or valid_from <= :day) and (valid_to is null or valid_to > :day)
                        order by full_name, code""")
                .setParameter("district", district).setParameter("day", day).getResultList();
        return rows.stream().map(row -> new Unit((String) row[0], (String) row[1])).toList();
    }

    /** Every district code the province has had, whatever the date. */
    public Set<String> districtsEver() {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select distinct code from admin_unit_period where level = 'DISTRICT' and parent_code = :p")
                .setParameter("p", Province.CODE).getResultList();
        return new TreeSet<>(codes);
    }

    /** A district's latest full name ("Thành phố Sông Công"), whatever the date; empty for a code the province never had. */
    public Optional<String> districtName(String code) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("""
                        select full_name from admin_unit_period where level = 'DISTRICT' and parent_code = :p and code = :code
                        order by valid_from desc nulls last""")
                .setParameter("p", Province.CODE).setParameter("code", code).setMaxResults(1).getResultList();
        return names.stream().findFirst();
    }

    /** The province's latest name, once registry has announced it. */
    public Optional<String> provinceName() {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from admin_unit_period where code = :code order by valid_from desc nulls last")
                .setParameter("code", Province.CODE).setMaxResults(1).getResultList();
        return names.stream().findFirst();
    }
}
