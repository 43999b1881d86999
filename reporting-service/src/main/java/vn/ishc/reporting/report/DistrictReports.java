package vn.ishc.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.security.Caller;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.projection.Areas;
import vn.ishc.reporting.review.ReviewStatus;

import java.util.List;
import java.util.UUID;

/** Reads district reports as the caller may see them (viewers: approved and superseded only), and a programme's periods. */
@ApplicationScoped
public class DistrictReports {

    @Inject
    Caller caller;

    @Inject
    Areas areas;

    /** 404 for an unknown report and for one the caller may not read. */
    public DistrictReport get(UUID id) {
        DistrictReport report = DistrictReport.findById(id);
        if (report == null || !readable(report)) {
            throw ProblemException.notFound("report.notFound", id);
        }
        return report;
    }

    /** As {@link #get}, locked until the transaction ends: two steps on one revision never interleave (If-Match then holds). */
    public DistrictReport getForUpdate(UUID id) {
        DistrictReport report = DistrictReport.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (report == null || !readable(report)) {
            throw ProblemException.notFound("report.notFound", id);
        }
        return report;
    }

    public boolean readable(DistrictReport report) {
        return report.status == ReviewStatus.APPROVED || report.status == ReviewStatus.SUPERSEDED || caller.mayWriteIn(report.districtCode);
    }

    /** Every revision of the period's reports, by district and revision. */
    public List<DistrictReport> ofPeriod(String programmeCode, String periodCode) {
        return DistrictReport.list("programmeCode = ?1 and periodCode = ?2 order by districtCode, revision", programmeCode, periodCode);
    }

    public List<ReportPeriod> periods(Programme programme) {
        return ReportPeriods.of(programme.startsOn, programme.endsOn, programme.periodScheme, programme.reportDueDays);
    }

    /** 404 for a period the programme does not have. */
    public ReportPeriod period(Programme programme, String code) {
        return ReportPeriods.find(programme.startsOn, programme.endsOn, programme.periodScheme, programme.reportDueDays, code)
                .orElseThrow(() -> ProblemException.notFound("report.period.notFound", code, programme.code));
    }

    public String label(String district) {
        return areas.districtName(district).map(name -> name + " (" + district + ")").orElse(district);
    }
}
