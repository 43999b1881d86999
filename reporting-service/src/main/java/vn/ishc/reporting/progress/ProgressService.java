package vn.ishc.reporting.progress;

import vn.ishc.reporting.projection.CommuneCoverage;
import vn.ishc.reporting.projection.CommuneFigures;

import vn.ishc.reporting.projection.ClubNorms;

import vn.ishc.reporting.projection.Areas;
import vn.ishc.reporting.projection.SourceFreshness;

import vn.ishc.reporting.config.Province;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.reporting.figures.Figure;
import vn.ishc.reporting.figures.ReadyFigures;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.progress.ProgressDocument.AreaProgress;
import vn.ishc.reporting.progress.ProgressDocument.ClubFigures;
import vn.ishc.reporting.progress.ProgressDocument.ContributionFigures;
import vn.ishc.reporting.progress.ProgressDocument.MemberFigures;
import vn.ishc.reporting.progress.ProgressDocument.Targets;

import vn.ishc.reporting.plan.PlanToDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A programme's progress on a date, per area, from the figures kept ready as events were applied
 * ({@link ReadyFigures}; the counting rules are in {@code CountingRules}), rolled up to the province
 * exactly: province = Σ areas in force on the date (its districts, or after the 2025 reform its
 * communes) + province-level items.
 */
@ApplicationScoped
public class ProgressService {

    @Inject
    Areas areas;

    @Inject
    ClubNorms clubNorms;

    @Inject
    CommuneFigures communeFigures;

    @Inject
    CommuneCoverage coverage;

    @Inject
    SourceFreshness sources;

    @Inject
    Programmes programmes;

    @Inject
    VietnamClock clock;

    @Inject
    ReadyFigures figures;

    @Inject
    ProgressCache cache;

    @Inject
    ProgressReferences references;

    /** The document as kept for the figures as they stand, or null when it must be computed (by {@link #progress}). */
    public ProgressDocument ready(String programmeCode, LocalDate requestedAsOf) {
        return requestedAsOf == null ? cache.ready(programmeCode + "#default", clock.today()) : cache.ready(programmeCode, requestedAsOf);
    }

    /** From the cache when nothing changed since it was computed (no transaction, no database work then). */
    public ProgressDocument progress(String programmeCode, LocalDate requestedAsOf) {
        if (requestedAsOf == null) {
            // The default date is today, or the end of a programme that has ended: kept apart from an explicit date.
            return cache.get(programmeCode + "#default", clock.today(),
                    () -> QuarkusTransaction.joiningExisting().call(() -> compute(programmeCode, null)));
        }
        return cache.get(programmeCode, requestedAsOf,
                () -> QuarkusTransaction.joiningExisting().call(() -> compute(programmeCode, requestedAsOf)));
    }

    private ProgressDocument compute(String programmeCode, LocalDate requestedAsOf) {
        ProgressDocument.ProgrammeRef programme = references.programme(programmeCode);
        LocalDate asOf = validDate(programme.startsOn(), programme.endsOn(), requestedAsOf);
        Map<String, ProgressDocument.Targets> targets = references.targets(programmeCode);
        Map<String, EnumMap<Figure, Long>> byArea = figures.on(asOf, programme.startsOn());
        // Money received after the programme's end counts toward no programme: on a later date, it is as at the end.
        ProgressReferences.OnDay onDay = references.onDay(asOf);
        List<Areas.Area> children = onDay.areasInForce();
        Map<String, EnumMap<Figure, Long>> moneyByArea = asOf.isAfter(programme.endsOn())
                ? onTheMapOf(figures.on(programme.endsOn(), programme.startsOn()), children) : byArea;
        Map<String, PlanToDate> plans = references.plansToDate(programme.code(), asOf.getYear());

        List<AreaProgress> districts = new ArrayList<>();
        List<ProgressDocument.LevelledAreaProgress> inForce = new ArrayList<>();
        Figures provinceTotal = new Figures();
        PlanToDate provincePlan = null;
        for (Areas.Area child : children) {
            Figures area = Figures.of(byArea.get(child.code()), moneyByArea.get(child.code()));
            provinceTotal.add(area);
            PlanToDate plan = plans.get(child.code());
            provincePlan = plan == null ? provincePlan : plan.plus(provincePlan);
            AreaProgress progress = area(child.code(), child.fullName(), area, targets.get(child.code()), plan);
            if (DISTRICT.equals(child.level())) {
                districts.add(progress);
            }
            inForce.add(ProgressDocument.LevelledAreaProgress.of(progress, child.level()));
        }
        Figures provinceLevel = Figures.of(byArea.get(ReadyFigures.PROVINCE_LEVEL), moneyByArea.get(ReadyFigures.PROVINCE_LEVEL));
        provinceTotal.add(provinceLevel);
        String provinceName = onDay.provinceName();
        return new ProgressDocument(
                programme,
                asOf,
                area(Province.CODE, provinceName, provinceTotal, targets.get(Province.CODE), provincePlan),
                districts,
                inForce,
                provinceLevel.clubsActive, // only clubs awaiting a successor commune count at province level
                coverageOn(asOf, onDay.coverage()),
                freshness(sources.through()));
    }

    private static final String DISTRICT = "DISTRICT";

    /**
     * Money as it stood at the programme's end, in the areas in force on asOf: an area that has
     * ended since (a district after the 2025 reform) hands its money to the province level, as a
     * contribution recorded to it counts there from the day it ends.
     */
    private static Map<String, EnumMap<Figure, Long>> onTheMapOf(Map<String, EnumMap<Figure, Long>> money, List<Areas.Area> inForce) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        inForce.forEach(area -> codes.add(area.code()));
        Map<String, EnumMap<Figure, Long>> moved = new java.util.HashMap<>();
        money.forEach((area, values) -> {
            EnumMap<Figure, Long> target = moved.computeIfAbsent(codes.contains(area) ? area : ReadyFigures.PROVINCE_LEVEL,
                    key -> new EnumMap<>(Figure.class));
            values.forEach((figure, value) -> target.merge(figure, value, Long::sum));
        });
        return moved;
    }

    private ProgressDocument.Coverage coverageOn(LocalDate asOf, CommuneCoverage.Shape shape) {
        CommuneCoverage.Result result = coverage.on(asOf, shape);
        List<ProgressDocument.FormerDistrictCoverage> former = result.formerDistricts().stream()
                .map(d -> new ProgressDocument.FormerDistrictCoverage(d.code(), d.name(), d.counts().communes(),
                        d.counts().communesWithActiveClub(),
                        ProgressDocument.share(d.counts().communesWithActiveClub(), d.counts().communes())))
                .toList();
        CommuneCoverage.Counts province = result.province();
        return new ProgressDocument.Coverage(province.communes(), province.communesWithActiveClub(),
                ProgressDocument.share(province.communesWithActiveClub(), province.communes()), former);
    }

    /** How many active clubs meet the norms on the date (default as for progress), per area in force and in all. */
    @Transactional
    public NormsDocument norms(String programmeCode, LocalDate requestedAsOf) {
        LocalDate asOf = validDate(programmes.get(programmeCode), requestedAsOf);
        Map<String, ClubNorms.Counts> counts = clubNorms.byArea(asOf);
        List<NormsDocument.Area> districts = new ArrayList<>();
        List<NormsDocument.Area> inForce = new ArrayList<>();
        // the province: its areas in force and the clubs awaiting a successor commune (province level)
        ClubNorms.Counts province = counts.getOrDefault(ReadyFigures.PROVINCE_LEVEL, ClubNorms.Counts.NONE);
        for (Areas.Area child : areas.areasOn(asOf)) {
            ClubNorms.Counts area = counts.getOrDefault(child.code(), ClubNorms.Counts.NONE);
            province = province.plus(area);
            NormsDocument.Area norms = normsOf(child.code(), child.fullName(), area);
            if (DISTRICT.equals(child.level())) {
                districts.add(norms);
            }
            inForce.add(norms);
        }
        return new NormsDocument(asOf, normsOf(Province.CODE, areas.provinceName().orElse(null), province), districts, inForce);
    }

    /** A district's communes in force on the date and their active clubs; for a viewer, counts of 1 to 4 people left out. */
    @Transactional
    public CommunesDocument communes(String programmeCode, String district, LocalDate requestedAsOf, boolean viewer) {
        LocalDate asOf = validDate(programmes.get(programmeCode), requestedAsOf);
        Areas.District found = areas.districtsOn(asOf).stream().filter(d -> d.code().equals(district)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("progress.district.notFound", district, asOf));
        List<CommunesDocument.Commune> communes = communeFigures.inDistrict(district, asOf).stream()
                .map(commune -> communeOf(commune, viewer)).toList();
        return new CommunesDocument(asOf, new CommunesDocument.AreaRef(found.code(), found.fullName()), communes);
    }

    /** All the province's communes in force on the date and their active clubs, whatever the level above them. */
    @Transactional
    public CommunesDocument provinceCommunes(String programmeCode, LocalDate requestedAsOf, boolean viewer) {
        LocalDate asOf = validDate(programmes.get(programmeCode), requestedAsOf);
        List<CommunesDocument.Commune> communes = communeFigures.inProvince(Province.CODE, asOf).stream()
                .map(commune -> communeOf(commune, viewer)).toList();
        return new CommunesDocument(asOf, new CommunesDocument.AreaRef(Province.CODE, areas.provinceName().orElse(null)), communes);
    }

    private static CommunesDocument.Commune communeOf(CommuneFigures.CommuneRow commune, boolean viewer) {
        List<CommunesDocument.Club> clubs = commune.clubs().stream().map(club -> new CommunesDocument.Club(club.id(), club.name(),
                club.establishedOn(), shown(club.members(), viewer), shown(club.older(), viewer), shown(club.women(), viewer))).toList();
        long members = commune.clubs().stream().mapToLong(CommuneFigures.ClubRow::members).sum();
        return new CommunesDocument.Commune(commune.code(), commune.name(), clubs.size(), shown(members, viewer), clubs);
    }

    /** As registry's club summary does: a viewer sees no count of 1 to 4 people. */
    private static Long shown(long people, boolean viewer) {
        return viewer && people >= 1 && people <= 4 ? null : people;
    }

    private static NormsDocument.Area normsOf(String code, String name, ClubNorms.Counts c) {
        return new NormsDocument.Area(code, name, c.clubs(), c.size(), c.women(), c.older(), c.all());
    }

    /** 404 for an unknown programme, 400 for a date outside the programme start … today. */
    @Transactional
    public void checkDate(String programmeCode, LocalDate requestedAsOf) {
        validDate(programmes.get(programmeCode), requestedAsOf);
    }

    private LocalDate validDate(Programme programme, LocalDate requestedAsOf) {
        return validDate(programme.startsOn, programme.endsOn, requestedAsOf);
    }

    private LocalDate validDate(LocalDate startsOn, LocalDate endsOn, LocalDate requestedAsOf) {
        LocalDate today = clock.today();
        LocalDate asOf = requestedAsOf != null ? requestedAsOf : endsOn.isBefore(today) ? endsOn : today;
        if (asOf.isBefore(startsOn) || asOf.isAfter(today)) {
            throw ProblemException.invalid("asOf", "progress.asOf.outOfRange", startsOn, today);
        }
        return asOf;
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
            throw ProblemException.invalid("from", "progress.asOf.outOfRange", programme.startsOn, today);
        }
        if (last.isBefore(first) || last.isAfter(today)) {
            throw ProblemException.invalid("to", "progress.series.to", first, today);
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
        return new SeriesPoint(asOf, document.province(), document.districts(), document.areas());
    }

    private static LocalDate periodEnd(LocalDate day, ProgressSeries.Period period) {
        if (period == ProgressSeries.Period.MONTH) {
            return day.withDayOfMonth(day.lengthOfMonth());
        }
        if (period == ProgressSeries.Period.YEAR) {
            return day.withDayOfYear(day.lengthOfYear());
        }
        LocalDate quarterEnd = day.withMonth(((day.getMonthValue() - 1) / 3) * 3 + 3);
        return quarterEnd.withDayOfMonth(quarterEnd.lengthOfMonth());
    }

    /** Each district's approved plan up to the end of {@code year}. */
    private static AreaProgress area(String code, String name, Figures f, Targets target, PlanToDate plan) {
        return new AreaProgress(code, name,
                new ClubFigures(f.clubsActive, f.clubsNew, f.clubsActive - f.clubsNew),
                new MemberFigures(f.membersActive, f.older, f.women, f.poor, f.nearPoor, f.hardship),
                new ContributionFigures(f.receivedVnd, f.pledgedOutstandingVnd),
                target == null ? new Targets(null, null, null) : target,
                plan, ProgressDocument.Attainment.of(f.clubsActive, f.older, f.receivedVnd, plan));
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

        /** The stocks from {@code values}, the money received from {@code money}. */
        static Figures of(EnumMap<Figure, Long> values, EnumMap<Figure, Long> money) {
            Figures f = new Figures();
            if (values != null) {
                f.clubsActive = values.get(Figure.CLUBS_ACTIVE);
                f.clubsNew = values.get(Figure.CLUBS_ACTIVE) - values.get(Figure.CLUBS_MAINTAINED);
                f.membersActive = values.get(Figure.MEMBERS_ACTIVE);
                f.older = values.get(Figure.MEMBERS_OLDER);
                f.women = values.get(Figure.MEMBERS_WOMEN);
                f.poor = values.get(Figure.MEMBERS_POOR);
                f.nearPoor = values.get(Figure.MEMBERS_NEAR_POOR);
                f.hardship = values.get(Figure.MEMBERS_HARDSHIP);
                f.pledgedOutstandingVnd = values.get(Figure.PLEDGED_OUTSTANDING_VND);
            }
            // Money may be held where nothing else is (an ended district's, at province level).
            f.receivedVnd = money == null ? 0 : money.getOrDefault(Figure.RECEIVED_VND, 0L);
            return f;
        }

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

    private static ProgressDocument.Freshness freshness(SourceFreshness.Through through) {
        return new ProgressDocument.Freshness(through.registry(), through.funding());
    }
}
