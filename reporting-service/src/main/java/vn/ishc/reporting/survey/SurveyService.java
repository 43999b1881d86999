package vn.ishc.reporting.survey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.problem.Preconditions;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.reporting.plan.DistrictPlan;
import vn.ishc.reporting.plan.NewDistrictPlan;
import vn.ishc.reporting.plan.PlanService;
import vn.ishc.reporting.plan.PlanYearFigures;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.projection.Areas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The province opens a survey round and records a visit per district (and, if it went there, per
 * commune); the districts' proposed clubs per year can become a draft plan in one step.
 */
@ApplicationScoped
public class SurveyService {

    static final int MAX_HEADS = 10_000;

    @Inject
    Programmes programmes;

    @Inject
    Areas areas;

    @Inject
    Caller caller;

    @Inject
    VietnamClock clock;

    @Inject
    ChangeRecorder history;

    @Inject
    PlanService plans;

    @Transactional
    public SurveyRound open(String programmeCode, NewSurveyRound request) {
        Programme programme = programmes.get(programmeCode);
        List<KeyedFieldError> errors = new ArrayList<>();
        if (request.endsOn().isBefore(request.startsOn())) {
            errors.add(new KeyedFieldError("endsOn", "programme.endsOn.beforeStart"));
        }
        Set<String> known = areas.districtsEver();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.districtCodes().size(); i++) {
            String code = request.districtCodes().get(i);
            if (!known.contains(code)) {
                errors.add(new KeyedFieldError("districtCodes[" + i + "]", "targets.district.unknown", code));
            } else if (!seen.add(code)) {
                errors.add(new KeyedFieldError("districtCodes[" + i + "]", "targets.district.twice", code));
            }
        }
        String title = CleanText.name(request.title());
        if (!CleanText.isReadableName(title)) {
            errors.add(new KeyedFieldError("title", "name.unreadable"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SurveyRound round = new SurveyRound();
        round.id = UUID.randomUUID();
        round.programmeCode = programme.code;
        round.title = title;
        round.purpose = CleanText.optional(request.purpose());
        round.startsOn = request.startsOn();
        round.endsOn = request.endsOn();
        round.districts.addAll(seen);
        round.version = 1;
        round.createdAt = clock.now();
        round.createdBy = caller.subject();
        round.persist();
        history.record(round.id, "SURVEY_ROUND", round.id, "OPENED", new Changes().field("title", null, round.title), round.createdBy,
                round.createdAt);
        return round;
    }

    @Transactional
    public SurveyVisit record(UUID roundId, VisitDetails details) {
        SurveyRound round = round(roundId);
        check(round, details);
        if (SurveyVisit.count("roundId = ?1 and districtCode = ?2 and " + (details.communeCode() == null ? "communeCode is null" : "communeCode = ?3"),
                details.communeCode() == null ? new Object[] {round.id, details.districtCode()}
                        : new Object[] {round.id, details.districtCode(), details.communeCode()}) > 0) {
            throw ProblemException.conflict("survey.visit.exists");
        }
        SurveyVisit visit = new SurveyVisit();
        visit.id = UUID.randomUUID();
        visit.roundId = round.id;
        visit.version = 1;
        apply(visit, details);
        visit.persist();
        history.record(round.id, "SURVEY_VISIT", visit.id, "VISIT_RECORDED", new Changes().field("districtCode", null, visit.districtCode),
                visit.recordedBy, visit.recordedAt);
        return visit;
    }

    @Transactional
    public SurveyVisit replace(UUID visitId, String ifMatch, VisitDetails details) {
        // locked until commit, so that If-Match holds against a concurrent correction
        SurveyVisit visit = SurveyVisit.findById(visitId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (visit == null) {
            throw ProblemException.notFound("survey.visit.notFound", visitId);
        }
        caller.requireWriteIn(visit.districtCode, "survey.district.forbidden", this::label);
        if (!visit.districtCode.equals(details.districtCode()) || !java.util.Objects.equals(visit.communeCode, details.communeCode())) {
            throw ProblemException.invalid("districtCode", "survey.visit.placeFixed");
        }
        check(round(visit.roundId), details);
        Preconditions.requireMatch(ifMatch, visit.version);
        apply(visit, details);
        visit.version++;
        history.record(visit.roundId, "SURVEY_VISIT", visit.id, "VISIT_CHANGED", new Changes().field("version", visit.version - 1, visit.version),
                visit.recordedBy, visit.recordedAt);
        return visit;
    }

    /** A draft plan for the district from what it proposed at its visit: new clubs per year, its operating clubs maintained. */
    @Transactional
    public DistrictPlan draftPlan(UUID roundId, String district) {
        SurveyRound round = round(roundId);
        SurveyVisit visit = SurveyVisit.<SurveyVisit>find("roundId = ?1 and districtCode = ?2 and communeCode is null", round.id, district)
                .firstResultOptional().orElseThrow(() -> ProblemException.conflict("survey.visit.none", label(district)));
        List<PlanYearFigures> years = visit.proposedClubs.stream().sorted(Comparator.comparing(VisitDetails.ProposedClubs::year))
                .map(p -> new PlanYearFigures(p.year(), (long) p.newClubs(), (long) visit.clubsOperating, 0L, 0L)).toList();
        if (years.isEmpty()) {
            throw ProblemException.conflict("survey.visit.noProposal", label(district));
        }
        return plans.create(round.programmeCode, new NewDistrictPlan(district, years));
    }

    public SurveyRound round(UUID id) {
        SurveyRound round = SurveyRound.findById(id);
        if (round == null) {
            throw ProblemException.notFound("survey.round.notFound", id);
        }
        return round;
    }

    public SurveyVisit visit(UUID id) {
        SurveyVisit visit = SurveyVisit.findById(id);
        if (visit == null) {
            throw ProblemException.notFound("survey.visit.notFound", id);
        }
        return visit;
    }

    public String label(String district) {
        return areas.districtName(district).map(name -> name + " (" + district + ")").orElse(district);
    }

    private void check(SurveyRound round, VisitDetails d) {
        List<KeyedFieldError> errors = new ArrayList<>();
        if (!round.districts.contains(d.districtCode())) {
            errors.add(new KeyedFieldError("districtCode", "survey.district.notInRound", d.districtCode()));
        } else {
            caller.requireWriteIn(d.districtCode(), "survey.district.forbidden", this::label);
        }
        if (d.visitedOn().isBefore(round.startsOn) || d.visitedOn().isAfter(round.endsOn)) {
            errors.add(new KeyedFieldError("visitedOn", "survey.visitedOn.outside", round.startsOn, round.endsOn));
        }
        if (d.communeCode() != null && areas.communesOn(d.districtCode(), d.visitedOn()).stream().noneMatch(c -> c.code().equals(d.communeCode()))) {
            errors.add(new KeyedFieldError("communeCode", "survey.commune.unknown", d.communeCode(), d.districtCode()));
        }
        if (!CleanText.isReadableName(CleanText.name(d.place()))) {
            errors.add(new KeyedFieldError("place", "name.unreadable"));
        }
        for (int i = 0; i < d.participants().size(); i++) {
            int heads = d.participants().get(i).headCount();
            if (heads < 0 || heads > MAX_HEADS) {
                errors.add(new KeyedFieldError("participants[" + i + "].headCount", "targets.count.range", MAX_HEADS));
            }
        }
        count("clubsSeen", d.clubsSeen(), errors);
        count("clubsOperating", d.clubsOperating(), errors);
        Programme programme = programmes.get(round.programmeCode);
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < d.proposedClubs().size(); i++) {
            VisitDetails.ProposedClubs p = d.proposedClubs().get(i);
            if (p.year() < programme.startsOn.getYear() || p.year() > programme.endsOn.getYear()) {
                errors.add(new KeyedFieldError("proposedClubs[" + i + "].year", "plan.year.outside", programme.startsOn.getYear(),
                        programme.endsOn.getYear()));
            } else if (!years.add(p.year())) {
                errors.add(new KeyedFieldError("proposedClubs[" + i + "].year", "plan.year.twice", p.year()));
            }
            count("proposedClubs[" + i + "].newClubs", p.newClubs(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void count(String field, int value, List<KeyedFieldError> errors) {
        if (value < 0 || value > MAX_HEADS) {
            errors.add(new KeyedFieldError(field, "targets.count.range", MAX_HEADS));
        }
    }

    private void apply(SurveyVisit visit, VisitDetails d) {
        visit.districtCode = d.districtCode();
        visit.communeCode = d.communeCode();
        visit.visitedOn = d.visitedOn();
        visit.place = CleanText.name(d.place());
        visit.participants = d.participants().stream()
                .map(p -> new VisitDetails.Participant(CleanText.name(p.organisation()), p.headCount())).toList();
        visit.clubsSeen = d.clubsSeen();
        visit.clubsOperating = d.clubsOperating();
        visit.proposedClubs = d.proposedClubs().stream().sorted(Comparator.comparing(VisitDetails.ProposedClubs::year)).toList();
        visit.targetGroups = CleanText.optional(d.targetGroups());
        visit.advantages = CleanText.optional(d.advantages());
        visit.difficulties = CleanText.optional(d.difficulties());
        visit.proposals = CleanText.optional(d.proposals());
        visit.recordedAt = clock.now();
        visit.recordedBy = caller.subject();
    }
}
