package vn.ishc.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import vn.ishc.kit.sql.RoundTrip;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Coverage on the day, counting the communes of {@code shape} (from {@link #shape} for the same
     * day). In a transaction, which bounds the planner setting of {@link #coveredOn}.
     */
    @Transactional
    public Result on(LocalDate day, Shape shape) {
        Set<String> covered = coveredOn(day, shape.inForce());
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
     * Those of the communes where an active club is placed on the day: for each commune, its first
     * placement on the day through index {@code club_placement_commune} whose club is active
     * ({@code limit 1} in a lateral subquery). About 1 ms at national size (10,000 clubs), where one
     * pass over every club and placement takes 15–35 ms, and progress computes coverage after every change.
     * <p>
     * The query leaves the planner no choice that multiplies communes by clubs (decision 0017): the
     * club is read by its key in a scalar subquery, not joined, since a planner that guessed a commune
     * holds half the placements (statistics of a skewed or still loading table) read every club for
     * every commune: 1.6–6.1 s per computation in the national benchmark. Sequential scans are off for
     * the statement, since with statistics older than a bulk load it scanned every placement for
     * every commune instead of using the index (864 ms against 0.9 ms on a copy of that database).
     */
    private Set<String> coveredOn(LocalDate day, Set<String> communes) {
        if (communes.isEmpty()) {
            return Set.of();
        }
        // one round trip for the setting, the query and the setting back: progress computes coverage after every change
        Object[] parameters = new Object[1 + DAY_PARAMETERS];
        parameters[0] = new RoundTrip.Array("varchar", communes);
        Arrays.fill(parameters, 1, parameters.length, day);
        Set<String> covered = new HashSet<>();
        new RoundTrip()
                .query("select set_config('enable_seqscan', 'off', true)", rows -> { })
                .query(COVERED, rows -> {
                    while (rows.next()) {
                        covered.add(rows.getString(1));
                    }
                }, parameters)
                // Not in a finally: a failed statement aborts the transaction, and the setting ends with it.
                .query("select set_config('enable_seqscan', 'on', true)", rows -> { })
                .send(em.unwrap(Session.class));
        return covered;
    }

    /** The communes (first parameter, an array) with an active club placed there on the day (every other parameter). */
    private static final String COVERED = ("""
            select u.code from unnest(?::varchar[]) as u(code)
            cross join lateral (select 1 from club_placement p
                                where p.commune_code = u.code and\s""" + PlacementSql.ON_DAY + """
                                  and (select c.established_on <= :day and (c.closed_on is null or c.closed_on > :day)
                                       from club c where c.id = p.club_id)
                                limit 1) as active_club""").replace(":day", "?::date");

    private static final int DAY_PARAMETERS = COVERED.split("\\?::date", -1).length - 1;
}
