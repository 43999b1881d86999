package vn.ishc.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.reporting.config.Province;
import vn.ishc.reporting.plan.PlanToDate;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.ProgrammeTarget;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.progress.ProgressDocument;
import vn.ishc.reporting.progress.ProgressService;
import vn.ishc.reporting.projection.Areas;
import vn.ishc.reporting.review.ReviewStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Compiles the province report of a period from the districts' approved reports. */
@ApplicationScoped
public class ProvinceReportService {

    @Inject
    Programmes programmes;

    @Inject
    DistrictReports reports;

    @Inject
    ReportFiguresService figures;

    @Inject
    CompletenessService completeness;

    @Inject
    ProgressService progress;

    @Inject
    Areas areas;

    @Inject
    VietnamClock clock;

    @Inject
    FrozenFigures frozen;

    @Transactional
    public ProvinceReport compile(String programmeCode, String periodCode) {
        Programme programme = programmes.get(programmeCode);
        ReportPeriod period = reports.period(programme, periodCode);
        PeriodCompleteness status = completeness.of(programme.code, period.code());
        Map<String, List<DistrictReport>> byDistrict = reports.ofPeriod(programme.code, period.code()).stream()
                .collect(Collectors.groupingBy(r -> r.districtCode));
        boolean cutOffReached = !period.to().isAfter(clock.today());
        List<ProvinceReport.Row> rows = new ArrayList<>();
        for (Areas.District district : areas.districtsOn(period.to())) {
            List<DistrictReport> revisions = byDistrict.getOrDefault(district.code(), List.of());
            DistrictReport approved = revisions.stream().filter(r -> r.status == ReviewStatus.APPROVED).findFirst().orElse(null);
            DistrictReport latest = revisions.stream().max(Comparator.comparingInt(r -> r.revision)).orElse(null);
            if (approved != null) {
                rows.add(new ProvinceReport.Row(district.code(), district.fullName(), ReviewStatus.APPROVED, approved.revision,
                        ProvinceReport.Source.APPROVED_REPORT, frozen.read(approved.frozenFigures),
                        new Narrative(approved.results, approved.advantages, approved.difficulties, approved.proposals, approved.nextActions)));
            } else if (cutOffReached) {
                rows.add(new ProvinceReport.Row(district.code(), district.fullName(), latest == null ? null : latest.status,
                        latest == null ? null : latest.revision, ProvinceReport.Source.LIVE_FIGURES,
                        figures.live(programme, period, district.code()), null));
            }
        }
        ProgrammeTarget provinceTarget = programmes.targets(programme.code).get(Province.CODE);
        ProvinceReport.Row total = new ProvinceReport.Row(Province.CODE, areas.provinceName().orElse(null), null, null,
                ProvinceReport.Source.APPROVED_REPORT, sum(rows, provinceTarget), null);
        ProgressDocument.AreaProgress whole = null;
        boolean lastAnnual = period.kind() == ReportPeriod.Kind.YEAR && period.year() == programme.endsOn.getYear();
        if (lastAnnual && !programme.endsOn.isAfter(clock.today())) {
            whole = progress.progress(programme.code, programme.endsOn).province();
        }
        return new ProvinceReport(new ProgressDocument.ProgrammeRef(programme.code, programme.name, programme.startsOn, programme.endsOn),
                period, areas.provinceName().orElse(null), clock.now(), rows, total, status.counts(), whole);
    }

    /** The districts' figures summed; attainment of the summed plans and of the province's own targets. */
    static ReportFigures sum(List<ProvinceReport.Row> rows, ProgrammeTarget target) {
        long[] s = new long[11];
        long[] f = new long[5];
        PlanToDate plan = null;
        for (ProvinceReport.Row row : rows) {
            ReportFigures.Stocks st = row.figures().stocks();
            long[] stocks = {st.activeClubs(), st.newClubs(), st.maintainedClubs(), st.members(), st.olderMembers(), st.women(), st.poor(),
                    st.nearPoor(), st.hardship(), st.receivedVndToDate(), st.pledgedOutstandingVnd()};
            for (int i = 0; i < s.length; i++) {
                s[i] += stocks[i];
            }
            ReportFigures.Flows fl = row.figures().flows();
            long[] flows = {fl.clubsEstablished(), fl.clubsClosed(), fl.membersJoined(), fl.membersLeft(), fl.receivedVnd()};
            for (int i = 0; i < f.length; i++) {
                f[i] += flows[i];
            }
            if (row.figures().plan() != null) {
                plan = row.figures().plan().plus(plan);
            }
        }
        ReportFigures.Stocks stocks = new ReportFigures.Stocks(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10]);
        ReportFigures.Targets targets = target == null ? null
                : new ReportFigures.Targets(target.clubs, target.olderMembers, target.contributionsVnd);
        return new ReportFigures(stocks, new ReportFigures.Flows(f[0], f[1], f[2], f[3], f[4]), plan, targets,
                plan == null ? ReportFigures.Attainment.of(0, 0, 0, null, null, null)
                        : ReportFigures.Attainment.of(s[0], s[4], s[9], plan.clubs(), plan.olderMembers(), plan.contributionsVnd()),
                targets == null ? ReportFigures.Attainment.of(0, 0, 0, null, null, null)
                        : ReportFigures.Attainment.of(s[0], s[4], s[9], targets.clubs() == null ? null : targets.clubs().longValue(),
                        targets.olderMembers() == null ? null : targets.olderMembers().longValue(), targets.contributionsVnd()));
    }
}
