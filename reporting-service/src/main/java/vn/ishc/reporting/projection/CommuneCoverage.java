package vn.ishc.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Coverage on a day (DESIGN.md): the province's communes in force that day with at least one active
 * club placed in them, out of all its communes in force. After the districts ended, also per former
 * district: the communes in force that succeed one of the communes it had on its last day.
 */
@ApplicationScoped
public class CommuneCoverage {

    /** Communes counted and those with an active club. */
    public record Counts(int communes, int communesWithActiveClub) {
    }

    public record FormerDistrict(String code, String name, Counts counts) {
    }

    public record Result(Counts province, List<FormerDistrict> formerDistricts) {
    }

    @Inject
    EntityManager em;

    @Inject
    Areas areas;

    /**
     * Which communes coverage counts on a day: the province's communes in force, and after the
     * districts ended each former district's successors among them. It depends on the administrative
     * units only, so a caller may keep it while they do not change (progress does).
     */
    public record Shape(Set<String> inForce, List<FormerDistrictCommunes> formerDistricts) {
    }

    public record FormerDistrictCommunes(String code, String name, Set<String> communes) {
    }

    /** Coverage on the day, counting the communes of {@code shape} (from {@link #shape} for the same day). */
    public Result on(LocalDate day, Shape shape) {
        Set<String> covered = coveredOn(day);
        List<FormerDistrict> former = new ArrayList<>();
        for (FormerDistrictCommunes district : shape.formerDistricts()) {
            former.add(new FormerDistrict(district.code(), district.name(), counts(district.communes(), covered)));
        }
        return new Result(counts(shape.inForce(), covered), former);
    }

    public Shape shape(LocalDate day) {
        Set<String> inForce = new LinkedHashSet<>();
        areas.provinceCommunesOn(day).forEach(c -> inForce.add(c.code()));
        List<FormerDistrictCommunes> former = new ArrayList<>();
        List<Areas.FormerDistrict> ended = areas.formerDistrictsOn(day);
        if (!ended.isEmpty()) {
            UnitHistory history = areas.history();
            for (Areas.FormerDistrict district : ended) {
                Set<String> successors = new LinkedHashSet<>();
                for (Areas.Unit commune : areas.communesOn(district.code(), district.endedOn().minusDays(1))) {
                    UnitHistory.Period last = history.on(commune.code(), district.endedOn().minusDays(1));
                    if (last == null || last.validTo() == null || last.validTo().isAfter(day)) {
                        successors.add(commune.code()); // still in force on the day: it succeeds itself
                    } else {
                        successors.addAll(history.successorsOn(commune.code(), last.validTo(), day));
                    }
                }
                successors.retainAll(inForce);
                former.add(new FormerDistrictCommunes(district.code(), district.fullName(), Set.copyOf(successors)));
            }
        }
        return new Shape(java.util.Collections.unmodifiableSet(inForce), List.copyOf(former));
    }

    private static Counts counts(Set<String> communes, Set<String> covered) {
        Set<String> with = new HashSet<>(communes);
        with.retainAll(covered);
        return new Counts(communes.size(), with.size());
    }

    /**
     * The communes where an active club is placed on the day: one pass over the clubs and their
     * placements (20–40 ms at 10,000 clubs). Asking commune by commune for its first active club
     * ({@code lateral … limit 1}) took 1–4 ms with current table statistics, but 4.5–5.8 s per
     * progress computation while the statistics lagged a bulk load (a flight recording of the national
     * benchmark, docs/benchmarks.md): this pass costs the same whatever the planner believes.
     */
    private Set<String> coveredOn(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("""
                        select distinct p.commune_code from club_placement p join club c on c.id = p.club_id
                        where c.established_on <= :day and (c.closed_on is null or c.closed_on > :day)
                          and p.commune_code is not null and\s""" + PlacementSql.ON_DAY)
                .setParameter("day", day).getResultList();
        return new HashSet<>(codes);
    }
}
