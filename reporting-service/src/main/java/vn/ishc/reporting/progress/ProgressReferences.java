package vn.ishc.reporting.progress;

import vn.ishc.reporting.plan.DistrictPlan;
import vn.ishc.reporting.plan.DistrictPlans;
import vn.ishc.reporting.plan.PlanToDate;
import vn.ishc.reporting.plan.PlanYearFigures;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.projection.Areas;
import vn.ishc.reporting.projection.CommuneCoverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a progress document reads besides figures and clubs — the programme and its targets, the
 * areas in force on its date, the province's name, which communes coverage counts, the approved
 * plans — kept per reference stamp ({@link ProgressCache#referenceStamp()}: it moves with
 * administrative units, approved plans, new programmes and targets). Read afresh at each computation they were five of its thirteen statements (more after
 * the 2025 reform: one per former district, and the units' history), and on a loaded machine each
 * statement's round trip is what a computation waits for (docs/benchmarks.md).
 */
@ApplicationScoped
public class ProgressReferences {

    private static final int MAX_ENTRIES = 500;

    @Inject
    ProgressCache cache;

    @Inject
    Areas areas;

    @Inject
    CommuneCoverage coverage;

    @Inject
    DistrictPlans districtPlans;

    @Inject
    Programmes programmes;

    /** The areas of a date, as progress shows them. */
    record OnDay(List<Areas.Area> areasInForce, String provinceName, CommuneCoverage.Shape coverage) {
    }

    private record Key(String referenceStamp, String what, String programme, LocalDate day) {
    }

    private final Map<Key, Object> kept = new ConcurrentHashMap<>();

    /** Must run in the caller's transaction (the reads are made there when not kept). */
    OnDay onDay(LocalDate day) {
        return keep("day", null, day, () -> new OnDay(areas.areasOn(day), areas.provinceName().orElse(null), coverage.shape(day)));
    }

    /**
     * The programme's name and dates, kept like the rest: a programme is created through the API,
     * which moves the reference revision, or by the migrations, before any document; what else is
     * edited on it later (report settings) is not shown in progress. Kept as values, never as the
     * entity, which belongs to the transaction that read it.
     */
    ProgressDocument.ProgrammeRef programme(String code) {
        return keep("programme", code, null, () -> {
            Programme p = programmes.get(code);
            return new ProgressDocument.ProgrammeRef(p.code, p.name, p.startsOn, p.endsOn);
        });
    }

    /** The programme's targets by area code, as values; replacing them moves the reference revision. */
    Map<String, ProgressDocument.Targets> targets(String code) {
        return keep("targets", code, null, () -> {
            Map<String, ProgressDocument.Targets> targets = new HashMap<>();
            programmes.targets(code).forEach((area, t) -> targets.put(area, new ProgressDocument.Targets(t.clubs, t.olderMembers, t.contributionsVnd)));
            return Map.copyOf(targets);
        });
    }

    /** The approved plans of the programme, by district, summed up to the year's end (within the programme). */
    Map<String, PlanToDate> plansToDate(String programmeCode, int year) {
        return keep("plans", programmeCode, LocalDate.of(year, 1, 1), () -> {
            Map<String, PlanToDate> plans = new HashMap<>();
            for (DistrictPlan plan : districtPlans.approved(programmeCode)) {
                PlanToDate toDate = PlanToDate.of(plan.years.stream().map(PlanYearFigures::of).toList(), year);
                if (toDate != null) {
                    plans.put(plan.districtCode, toDate);
                }
            }
            return Map.copyOf(plans);
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T keep(String what, String programme, LocalDate day, Supplier<T> read) {
        String stamp = cache.referenceStamp();
        if (stamp.isEmpty()) {
            return read.get(); // not read yet: nothing to key it by
        }
        Key key = new Key(stamp, what, programme, day);
        Object known = kept.get(key);
        if (known != null) {
            return (T) known;
        }
        T value = read.get();
        if (kept.size() >= MAX_ENTRIES) {
            kept.clear(); // older stamps' entries go with the rest; what is in use is read again once
        }
        kept.put(key, value);
        return value;
    }
}
