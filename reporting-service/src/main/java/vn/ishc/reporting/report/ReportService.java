package vn.ishc.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.problem.Preconditions;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.projection.Areas;
import vn.ishc.reporting.review.ReviewEvent;
import vn.ishc.reporting.review.ReviewLog;
import vn.ishc.reporting.review.ReviewStatus;
import vn.ishc.reporting.review.ReviewStep;

import java.util.List;
import java.util.UUID;

/**
 * A district opens its report for a period, writes it and submits it; the province approves it or
 * returns it. Submission freezes the figures. An approved report is locked; the province may ask for
 * an amended one, a new revision, and the approved one stays (and is kept) until that is approved.
 */
@ApplicationScoped
public class ReportService {

    static final List<ReviewStatus> OPEN = List.of(ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.RETURNED);

    @Inject
    Programmes programmes;

    @Inject
    DistrictReports reports;

    @Inject
    ReportFiguresService figures;

    @Inject
    Areas areas;

    @Inject
    Caller caller;

    @Inject
    VietnamClock clock;

    @Inject
    ReviewLog log;

    @Inject
    FrozenFigures frozen;

    @Transactional
    public DistrictReport open(String programmeCode, String periodCode, NewDistrictReport request) {
        Programme programme = programmes.get(programmeCode);
        ReportPeriod period = reports.period(programme, periodCode);
        String district = request.districtCode();
        if (areas.districtsOn(period.to()).stream().noneMatch(d -> d.code().equals(district))) {
            throw ProblemException.invalid("districtCode", "report.district.unknown", district, period.to());
        }
        caller.requireWriteIn(district, "report.district.forbidden", reports::label);
        if (period.to().isAfter(clock.today())) {
            throw ProblemException.conflict("report.period.notEnded", period.code(), period.to());
        }
        if (DistrictReport.count("programmeCode = ?1 and periodCode = ?2 and districtCode = ?3", programme.code, period.code(), district) > 0) {
            throw ProblemException.conflict("report.exists", reports.label(district), period.code());
        }
        DistrictReport report = new DistrictReport();
        report.id = UUID.randomUUID();
        report.programmeCode = programme.code;
        report.periodCode = period.code();
        report.districtCode = district;
        report.open(1, caller.subject(), clock.now());
        report.persist();
        log.record(event(report, null), "OPENED", new Changes().field("status", null, report.status), report.version);
        return report;
    }

    @Transactional
    public DistrictReport writeNarrative(UUID id, String ifMatch, Narrative narrative) {
        DistrictReport report = writable(id, ifMatch);
        if (!report.status.editable()) {
            throw ProblemException.conflict("report.locked", report.status.label(), report.status.name());
        }
        Changes changes = new Changes();
        report.results = changed(changes, "results", report.results, narrative.results());
        report.advantages = changed(changes, "advantages", report.advantages, narrative.advantages());
        report.difficulties = changed(changes, "difficulties", report.difficulties, narrative.difficulties());
        report.proposals = changed(changes, "proposals", report.proposals, narrative.proposals());
        report.nextActions = changed(changes, "nextActions", report.nextActions, narrative.nextActions());
        if (!changes.isEmpty()) {
            report.changed();
            log.record(event(report, null), "NARRATIVE_CHANGED", changes, report.version);
        }
        return report;
    }

    @Transactional
    public DistrictReport submit(UUID id, String ifMatch) {
        DistrictReport report = writable(id, ifMatch);
        ReviewStep.SUBMIT.from(report.status); // refused (409) before anything changes
        if (report.results == null) {
            throw ProblemException.invalid("narrative.results", "report.results.required");
        }
        Programme programme = programmes.get(report.programmeCode);
        report.frozenFigures = frozen.write(figures.live(programme, reports.period(programme, report.periodCode), report.districtCode));
        ReviewStatus before = report.take(ReviewStep.SUBMIT, caller.subject(), clock.now());
        log.record(event(report, null), "SUBMITTED", new Changes().field("status", before, report.status), report.version);
        return report;
    }

    @Transactional
    public DistrictReport approve(UUID id, String ifMatch) {
        DistrictReport report = decidable(id, ifMatch);
        ReviewStep.APPROVE.from(report.status); // refused (409) before anything changes
        // the approved revision it amends is kept, as superseded
        DistrictReport.<DistrictReport>find("programmeCode = ?1 and periodCode = ?2 and districtCode = ?3 and status = ?4",
                report.programmeCode, report.periodCode, report.districtCode, ReviewStatus.APPROVED).firstResultOptional().ifPresent(older -> {
            older.supersede();
            log.record(event(older, null), "SUPERSEDED", new Changes().field("status", ReviewStatus.APPROVED, older.status)
                    .field("supersededBy", null, report.revision), older.version);
        });
        ReviewStatus before = report.take(ReviewStep.APPROVE, caller.subject(), clock.now());
        log.record(event(report, null), "APPROVED", new Changes().field("status", before, report.status), report.version);
        return report;
    }

    @Transactional
    public DistrictReport sendBack(UUID id, String ifMatch, String comment) {
        DistrictReport report = decidable(id, ifMatch);
        ReviewStatus before = report.take(ReviewStep.RETURN, caller.subject(), clock.now());
        // back in the district's hands: its figures follow the live ones again until it is resubmitted
        report.frozenFigures = null;
        report.returnComment = comment;
        log.record(event(report, comment), "RETURNED", new Changes().field("status", before, report.status).field("comment", null, comment),
                report.version);
        return report;
    }

    /** The province asks for an amended report: a new draft revision, starting from the approved one's words. */
    @Transactional
    public DistrictReport requestAmendment(UUID id, String ifMatch, String comment) {
        DistrictReport approved = decidable(id, ifMatch);
        if (approved.status != ReviewStatus.APPROVED) {
            throw ProblemException.conflict("report.amend.notApproved", approved.status.label(), approved.status.name());
        }
        if (DistrictReport.count("programmeCode = ?1 and periodCode = ?2 and districtCode = ?3 and status in ?4",
                approved.programmeCode, approved.periodCode, approved.districtCode, OPEN) > 0) {
            throw ProblemException.conflict("report.amend.open");
        }
        DistrictReport amended = new DistrictReport();
        amended.id = UUID.randomUUID();
        amended.programmeCode = approved.programmeCode;
        amended.periodCode = approved.periodCode;
        amended.districtCode = approved.districtCode;
        amended.open(approved.revision + 1, caller.subject(), clock.now());
        amended.results = approved.results;
        amended.advantages = approved.advantages;
        amended.difficulties = approved.difficulties;
        amended.proposals = approved.proposals;
        amended.nextActions = approved.nextActions;
        amended.returnComment = comment;
        amended.persist();
        log.record(event(amended, comment), "AMENDMENT_REQUESTED", new Changes().field("status", null, amended.status)
                .field("amends", null, approved.revision).field("comment", null, comment), amended.version);
        return amended;
    }

    /** The report as its reader sees it: figures live or frozen, and for frozen ones where the live ones now differ. */
    @Transactional
    public DistrictReportView view(DistrictReport report) {
        Programme programme = programmes.get(report.programmeCode);
        ReportPeriod period = reports.period(programme, report.periodCode);
        ReportFigures live = figures.live(programme, period, report.districtCode);
        ReportFigures shown = report.frozenFigures == null ? live : frozen.read(report.frozenFigures);
        List<ReportFigures.Difference> differences = report.frozenFigures == null ? List.of() : shown.differencesFrom(live);
        return new DistrictReportView(report.id, report.programmeCode, period, report.districtCode, reports.label(report.districtCode),
                report.revision, report.status, shown, report.frozenFigures != null, differences,
                new Narrative(report.results, report.advantages, report.difficulties, report.proposals, report.nextActions),
                report.returnComment, report.createdAt, report.createdBy, report.submittedAt, report.submittedBy, report.decidedAt,
                report.decidedBy);
    }

    private DistrictReport writable(UUID id, String ifMatch) {
        DistrictReport report = reports.getForUpdate(id);
        caller.requireWriteIn(report.districtCode, "report.district.forbidden", reports::label);
        Preconditions.requireMatch(ifMatch, report.version);
        return report;
    }

    private DistrictReport decidable(UUID id, String ifMatch) {
        DistrictReport report = reports.getForUpdate(id);
        Preconditions.requireMatch(ifMatch, report.version);
        return report;
    }

    private static String changed(Changes changes, String field, String before, String sent) {
        String after = sent == null ? null : CleanText.optional(sent);
        changes.field(field, before, after);
        return after;
    }

    private ReviewEvent event(DistrictReport report, String comment) {
        return new ReviewEvent(ReviewEvent.Subject.REPORT, report.programmeCode, report.districtCode, report.periodCode, report.id,
                report.revision, report.status, comment, caller.subject(), clock.now());
    }
}
