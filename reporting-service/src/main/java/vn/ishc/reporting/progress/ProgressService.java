package vn.ishc.reporting.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ishc.reporting.config.VietnamClock;
import vn.ishc.reporting.problem.ProblemException;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.ProgrammeTarget;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.progress.ProgressDocument.AreaProgress;
import vn.ishc.reporting.progress.ProgressDocument.ClubFigures;
import vn.ishc.reporting.progress.ProgressDocument.ContributionFigures;
import vn.ishc.reporting.progress.ProgressDocument.MemberFigures;
import vn.ishc.reporting.progress.ProgressDocument.Targets;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a programme's progress on a date by the counting rules of DESIGN.md, per district, and
 * rolls the districts up to the province exactly (province = Σ districts + province-level items).
 */
@ApplicationScoped
public class ProgressService {

    @Inject
    EntityManager em;

    @Inject
    Programmes programmes;

    @Inject
    VietnamClock clock;

    @Transactional
    public ProgressDocument progress(String programmeCode, LocalDate requestedAsOf) {
        Programme programme = programmes.get(programmeCode);
        LocalDate today = clock.today();
        LocalDate asOf = requestedAsOf == null ? today : requestedAsOf;
        if (asOf.isBefore(programme.startsOn) || asOf.isAfter(today)) {
            throw ProblemException.invalid("asOf", "progress.asOf.outOfRange", programme.startsOn.toString(), today.toString());
        }
        Map<String, ProgrammeTarget> targets = programmes.targets(programmeCode);
        Map<String, Figures> byDistrict = new HashMap<>();
        countClubs(programme.startsOn, asOf, byDistrict);
        countMembers(asOf, byDistrict);
        Map<String, Long> receivedByDistrict = sumContributions(programme.startsOn, asOf);
        Map<String, Long> outstandingByDistrict = pledgedOutstanding(asOf);

        List<AreaProgress> districts = new ArrayList<>();
        Figures provinceTotal = new Figures();
        for (Object[] district : districtsOn(asOf)) {
            String code = (String) district[0];
            Figures figures = byDistrict.getOrDefault(code, new Figures());
            figures.receivedVnd = receivedByDistrict.getOrDefault(code, 0L);
            figures.pledgedOutstandingVnd = outstandingByDistrict.getOrDefault(code, 0L);
            provinceTotal.add(figures);
            districts.add(area(code, (String) district[1], figures, targets.get(code)));
        }
        provinceTotal.receivedVnd += receivedByDistrict.getOrDefault(null, 0L);
        provinceTotal.pledgedOutstandingVnd += outstandingByDistrict.getOrDefault(null, 0L);
        String provinceName = provinceName();
        return new ProgressDocument(
                new ProgressDocument.ProgrammeRef(programme.code, programme.name, programme.startsOn, programme.endsOn),
                asOf,
                area(Programmes.PROVINCE_CODE, provinceName, provinceTotal, targets.get(Programmes.PROVINCE_CODE)),
                districts,
                new ProgressDocument.Freshness(freshness("registry"), freshness("funding")));
    }

    static final int MAX_POINTS = 120;

    /** Progress at each period end from {@code from} to {@code to}, and on {@code to} itself. */
    @Transactional
    public ProgressSeries series(String programmeCode, ProgressSeries.Period period, LocalDate from, LocalDate to) {
        Programme programme = programmes.get(programmeCode);
        LocalDate today = clock.today();
        LocalDate first = from == null ? programme.startsOn : from;
        LocalDate last = to != null ? to : programme.endsOn.isBefore(today) ? programme.endsOn : today;
        if (first.isBefore(programme.startsOn) || first.isAfter(today)) {
            throw ProblemException.invalid("from", "progress.asOf.outOfRange", programme.startsOn.toString(), today.toString());
        }
        if (last.isBefore(first) || last.isAfter(today)) {
            throw ProblemException.invalid("to", "progress.series.to", first.toString(), today.toString());
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate end = periodEnd(first, period); !end.isAfter(last); end = periodEnd(end.plusDays(1), period)) {
            dates.add(end);
        }
        if (dates.isEmpty() || !dates.get(dates.size() - 1).equals(last)) {
            dates.add(last);
        }
        if (dates.size() > MAX_POINTS) {
            throw ProblemException.invalid("from", "progress.series.tooLong", MAX_POINTS);
        }
        List<SeriesPoint> points = dates.stream().map(date -> point(programmeCode, date)).toList();
        return new ProgressSeries(new ProgressDocument.ProgrammeRef(programme.code, programme.name, programme.startsOn, programme.endsOn),
                period, points);
    }

    private SeriesPoint point(String programmeCode, LocalDate asOf) {
        ProgressDocument document = progress(programmeCode, asOf);
        return new SeriesPoint(asOf, document.province(), document.districts());
    }

    private static LocalDate periodEnd(LocalDate day, ProgressSeries.Period period) {
        if (period == ProgressSeries.Period.MONTH) {
            return day.withDayOfMonth(day.lengthOfMonth());
        }
        LocalDate quarterEnd = day.withMonth(((day.getMonthValue() - 1) / 3) * 3 + 3);
        return quarterEnd.withDayOfMonth(quarterEnd.lengthOfMonth());
    }

    private void countClubs(LocalDate start, LocalDate asOf, Map<String, Figures> byDistrict) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select district_code, count(*), count(*) filter (where established_on >= :start)
                        from club
                        where established_on <= :asOf and (closed_on is null or closed_on > :asOf)
                        group by district_code""")
                .setParameter("start", start).setParameter("asOf", asOf).getResultList();
        for (Object[] row : rows) {
            Figures figures = byDistrict.computeIfAbsent((String) row[0], k -> new Figures());
            figures.clubsActive = ((Number) row[1]).longValue();
            figures.clubsNew = ((Number) row[2]).longValue();
        }
    }

    private void countMembers(LocalDate asOf, Map<String, Figures> byDistrict) {
        // Older = 60 or over on asOf: exact with a birth date, reporting year − birth year otherwise.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.district_code,
                               count(*),
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
                        group by c.district_code""")
                .setParameter("asOf", asOf).getResultList();
        for (Object[] row : rows) {
            Figures figures = byDistrict.computeIfAbsent((String) row[0], k -> new Figures());
            figures.membersActive = ((Number) row[1]).longValue();
            figures.older = ((Number) row[2]).longValue();
            figures.women = ((Number) row[3]).longValue();
            figures.poor = ((Number) row[4]).longValue();
            figures.nearPoor = ((Number) row[5]).longValue();
            figures.hardship = ((Number) row[6]).longValue();
        }
    }

    /** Received VND per district; the null key holds province-level contributions. */
    private Map<String, Long> sumContributions(LocalDate start, LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select district_code, sum(amount_vnd)
                        from contribution
                        where received_on between :start and :asOf and (reversed_on is null or reversed_on > :asOf)
                        group by district_code""")
                .setParameter("start", start).setParameter("asOf", asOf).getResultList();
        Map<String, Long> sums = new HashMap<>();
        for (Object[] row : rows) {
            sums.put((String) row[0], ((Number) row[1]).longValue());
        }
        return sums;
    }

    /**
     * Pledged VND not yet fulfilled on asOf, per district (null key: province level): pledges made by
     * then and not cancelled by then, less the contributions naming them that count on asOf.
     */
    private Map<String, Long> pledgedOutstanding(LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select p.district_code, sum(greatest(0, p.amount_vnd - coalesce(f.fulfilled, 0)))
                        from pledge p left join (
                            select pledge_id, sum(amount_vnd) as fulfilled from contribution
                            where pledge_id is not null and received_on <= :asOf and (reversed_on is null or reversed_on > :asOf)
                            group by pledge_id) f on f.pledge_id = p.id
                        where p.pledged_on <= :asOf and (p.cancelled_on is null or p.cancelled_on > :asOf)
                        group by p.district_code""")
                .setParameter("asOf", asOf).getResultList();
        Map<String, Long> sums = new HashMap<>();
        for (Object[] row : rows) {
            sums.put((String) row[0], ((Number) row[1]).longValue());
        }
        return sums;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> districtsOn(LocalDate asOf) {
        return em.createNativeQuery("""
                        select code, full_name from admin_unit_period
                        where level = 'DISTRICT' and parent_code = :province
                          and (valid_from is null or valid_from <= :asOf) and (valid_to is null or valid_to > :asOf)
                        order by code""")
                .setParameter("province", Programmes.PROVINCE_CODE).setParameter("asOf", asOf).getResultList();
    }

    private String provinceName() {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from admin_unit_period where code = :code order by valid_from desc nulls last")
                .setParameter("code", Programmes.PROVINCE_CODE).getResultList();
        return names.isEmpty() ? null : names.get(0);
    }

    private java.time.Instant freshness(String source) {
        @SuppressWarnings("unchecked")
        List<Object> through = em.createNativeQuery("select through from source_freshness where source = :source")
                .setParameter("source", source).getResultList();
        if (through.isEmpty()) {
            return null;
        }
        Object value = through.get(0);
        return value instanceof Timestamp ts ? ts.toInstant() : value instanceof java.time.Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static AreaProgress area(String code, String name, Figures f, ProgrammeTarget target) {
        return new AreaProgress(code, name,
                new ClubFigures(f.clubsActive, f.clubsNew, f.clubsActive - f.clubsNew),
                new MemberFigures(f.membersActive, f.older, f.women, f.poor, f.nearPoor, f.hardship),
                new ContributionFigures(f.receivedVnd, f.pledgedOutstandingVnd),
                target == null ? new Targets(null, null, null) : new Targets(target.clubs, target.olderMembers, target.contributionsVnd));
    }

    /** Running figures of one area. */
    private static final class Figures {
        long clubsActive;
        long clubsNew;
        long membersActive;
        long older;
        long women;
        long poor;
        long nearPoor;
        long hardship;
        long receivedVnd;
        long pledgedOutstandingVnd;

        void add(Figures other) {
            clubsActive += other.clubsActive;
            clubsNew += other.clubsNew;
            membersActive += other.membersActive;
            older += other.older;
            women += other.women;
            poor += other.poor;
            nearPoor += other.nearPoor;
            hardship += other.hardship;
            receivedVnd += other.receivedVnd;
            pledgedOutstandingVnd += other.pledgedOutstandingVnd;
        }
    }
}
