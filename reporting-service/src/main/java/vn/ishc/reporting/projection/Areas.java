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
