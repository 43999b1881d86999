package vn.ishc.reporting.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.problem.Preconditions;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.reporting.figures.ProgressDocuments;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.projection.Areas;
import vn.ishc.reporting.review.ReviewEvent;
import vn.ishc.reporting.review.ReviewLog;
import vn.ishc.reporting.review.ReviewStatus;
import vn.ishc.reporting.review.ReviewStep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A district drafts its plan and submits it; the province approves it or returns it with a comment.
 * An approved revision is locked: a change is a new revision, reviewed again, and the approved one
 * stays in force (and kept) until the new one is approved.
 */
@ApplicationScoped
public class PlanService {

    static final long MAX_COUNT = 1_000_000;
    static final long MAX_VND = 10_000_000_000_000L;

    @Inject
    Programmes programmes;

    @Inject
    DistrictPlans plans;

    @Inject
    Areas areas;

    @Inject
    Caller caller;

    @Inject
    VietnamClock clock;

    @Inject
    ReviewLog log;

    @Inject
    ProgressDocuments progressDocuments;

    @Transactional
    public DistrictPlan create(String programmeCode, NewDistrictPlan request) {
        Programme programme = programmes.get(programmeCode);
        String district = request.districtCode();
        if (!areas.districtsEver().contains(district)) {
            throw ProblemException.invalid("districtCode", "plan.district.unknown", district);
        }
        caller.requireWriteIn(district, "plan.district.forbidden", this::label);
        if (DistrictPlan.count("programmeCode = ?1 and districtCode = ?2 and status in ?3", programme.code, district,
                List.of(ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.RETURNED)) > 0) {
            throw ProblemException.conflict("plan.open.exists", label(district));
        }
        List<PlanYearFigures> years = request.years();
        if (years == null) {
            years = plans.approved(programme.code, district).map(p -> p.years.stream().map(PlanYearFigures::of).toList())
                    .orElseThrow(() -> ProblemException.invalid("years", "field.required"));
        }
        checkYears(programme, years);
        DistrictPlan plan = new DistrictPlan();
        plan.id = UUID.randomUUID();
        plan.programmeCode = programme.code;
        plan.districtCode = district;
        Integer last = DistrictPlan.find("select max(revision) from DistrictPlan where programmeCode = ?1 and districtCode = ?2",
                programme.code, district).project(Integer.class).firstResult();
        plan.open(last == null ? 1 : last + 1, caller.subject(), clock.now());
        plan.years = toYears(years);
        plan.persist();
        log.record(event(plan, null), "CREATED", new Changes().field("status", null, plan.status).field("revision", null, plan.revision),
                plan.version);
        return plan;
    }

    @Transactional
    public DistrictPlan replaceYears(UUID id, String ifMatch, PlanYearsRequest request) {
        DistrictPlan plan = writable(id, ifMatch);
        if (!plan.status.editable()) {
            throw ProblemException.conflict("plan.locked", plan.status.label(), plan.status.name());
        }
        checkYears(programmes.get(plan.programmeCode), request.years());
        plan.years.clear();
        plan.years.addAll(toYears(request.years()));
        plan.changed();
        log.record(event(plan, null), "YEARS_CHANGED", new Changes().field("years", null, request.years().size()), plan.version);
        return plan;
    }

    @Transactional
    public DistrictPlan submit(UUID id, String ifMatch) {
        DistrictPlan plan = writable(id, ifMatch);
        if (plan.years.isEmpty()) {
            throw ProblemException.invalid("years", "plan.years.empty");
        }
        ReviewStatus before = plan.take(ReviewStep.SUBMIT, caller.subject(), clock.now());
        log.record(event(plan, null), "SUBMITTED", new Changes().field("status", before, plan.status), plan.version);
        return plan;
    }

    @Transactional
    public DistrictPlan approve(UUID id, String ifMatch) {
        DistrictPlan plan = decidable(id, ifMatch);
        ReviewStep.APPROVE.from(plan.status); // refused (409) before anything changes
        // the revision in force until now is kept, as superseded; flushed first, as at most one is approved at a time
        plans.approved(plan.programmeCode, plan.districtCode).ifPresent(older -> {
            older.supersede();
            log.record(event(older, null), "SUPERSEDED", new Changes().field("status", ReviewStatus.APPROVED, older.status)
                    .field("supersededBy", null, plan.revision), older.version);
        });
        DistrictPlan.getEntityManager().flush();
        ReviewStatus before = plan.take(ReviewStep.APPROVE, caller.subject(), clock.now());
        log.record(event(plan, null), "APPROVED", new Changes().field("status", before, plan.status), plan.version);
        progressDocuments.changed();
        return plan;
    }

    @Transactional
    public DistrictPlan sendBack(UUID id, String ifMatch, String comment) {
        DistrictPlan plan = decidable(id, ifMatch);
        ReviewStatus before = plan.take(ReviewStep.RETURN, caller.subject(), clock.now());
        plan.returnComment = comment;
        log.record(event(plan, comment), "RETURNED", new Changes().field("status", before, plan.status).field("comment", null, comment),
                plan.version);
        return plan;
    }

    /** The revision as the API shows it. */
    public DistrictPlanView view(DistrictPlan plan) {
        return DistrictPlanResource.view(plan, label(plan.districtCode));
    }

    public String label(String district) {
        return areas.districtName(district).map(name -> name + " (" + district + ")").orElse(district);
    }

    private DistrictPlan writable(UUID id, String ifMatch) {
        DistrictPlan plan = plans.getForUpdate(id);
        caller.requireWriteIn(plan.districtCode, "plan.district.forbidden", this::label);
        Preconditions.requireMatch(ifMatch, plan.version);
        return plan;
    }

    private DistrictPlan decidable(UUID id, String ifMatch) {
        DistrictPlan plan = plans.getForUpdate(id);
        Preconditions.requireMatch(ifMatch, plan.version);
        return plan;
    }

    private ReviewEvent event(DistrictPlan plan, String comment) {
        return new ReviewEvent(ReviewEvent.Subject.PLAN, plan.programmeCode, plan.districtCode, null, plan.id, plan.revision, plan.status,
                comment, caller.subject(), clock.now());
    }

    private static void checkYears(Programme programme, List<PlanYearFigures> years) {
        List<KeyedFieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < years.size(); i++) {
            PlanYearFigures y = years.get(i);
            String field = "years[" + i + "]";
            if (y.year() < programme.startsOn.getYear() || y.year() > programme.endsOn.getYear()) {
                errors.add(new KeyedFieldError(field + ".year", "plan.year.outside", programme.startsOn.getYear(), programme.endsOn.getYear()));
            } else if (!seen.add(y.year())) {
                errors.add(new KeyedFieldError(field + ".year", "plan.year.twice", y.year()));
            }
            count(field + ".newClubs", y.newClubs(), errors);
            count(field + ".maintainedClubs", y.maintainedClubs(), errors);
            count(field + ".olderMembers", y.olderMembers(), errors);
            if (y.contributionsVnd() < 0 || y.contributionsVnd() > MAX_VND) {
                errors.add(new KeyedFieldError(field + ".contributionsVnd", "targets.vnd.range"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void count(String field, long value, List<KeyedFieldError> errors) {
        if (value < 0 || value > MAX_COUNT) {
            errors.add(new KeyedFieldError(field, "targets.count.range", MAX_COUNT));
        }
    }

    private static List<PlanYear> toYears(List<PlanYearFigures> figures) {
        List<PlanYear> years = new ArrayList<>();
        for (PlanYearFigures f : figures) {
            PlanYear y = new PlanYear();
            y.year = f.year();
            y.newClubs = f.newClubs().intValue();
            y.maintainedClubs = f.maintainedClubs().intValue();
            y.olderMembers = f.olderMembers().intValue();
            y.contributionsVnd = f.contributionsVnd();
            years.add(y);
        }
        years.sort(java.util.Comparator.comparingInt(y -> y.year));
        return years;
    }
}
