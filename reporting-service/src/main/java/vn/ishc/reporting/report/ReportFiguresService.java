package vn.ishc.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.ishc.reporting.plan.DistrictPlans;
import vn.ishc.reporting.plan.PlanToDate;
import vn.ishc.reporting.plan.PlanYearFigures;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.progress.ProgressDocument;
import vn.ishc.reporting.progress.ProgressService;
import vn.ishc.reporting.projection.PeriodFlows;

import java.time.LocalDate;

/**
 * Pre-fills a district report from what reporting already counts: the stocks are the progress
 * document's on the cut-off date, so a report and the dashboard on that date never disagree.
 */
@ApplicationScoped
public class ReportFiguresService {

    @Inject
    ProgressService progress;

    @Inject
    PeriodFlows flows;

    @Inject
    DistrictPlans plans;

    public ReportFigures live(Programme programme, ReportPeriod period, String district) {
        ProgressDocument.AreaProgress atCutOff = area(progress.progress(programme.code, period.to()), district);
        // Flows count from the programme's start at the earliest: money before it counts toward nothing.
        LocalDate from = period.from().isBefore(programme.startsOn) ? programme.startsOn : period.from();
        long receivedBefore = from.equals(programme.startsOn) ? 0
                : area(progress.progress(programme.code, from.minusDays(1)), district).contributions().receivedVnd();
        PeriodFlows.Flows inPeriod = flows.in(district, from, period.to());

        ProgressDocument.ClubFigures c = atCutOff.clubs();
        ProgressDocument.MemberFigures m = atCutOff.members();
        ReportFigures.Stocks stocks = new ReportFigures.Stocks(c.active(), c.newlyEstablished(), c.maintained(), m.active(), m.older(),
                m.women(), m.poor(), m.nearPoor(), m.hardship(), atCutOff.contributions().receivedVnd(),
                atCutOff.contributions().pledgedOutstandingVnd());
        ReportFigures.Flows periodFlows = new ReportFigures.Flows(inPeriod.clubsEstablished(), inPeriod.clubsClosed(),
                inPeriod.membersJoined(), inPeriod.membersLeft(), atCutOff.contributions().receivedVnd() - receivedBefore);
        PlanToDate plan = plans.approved(programme.code, district)
                .map(p -> PlanToDate.of(p.years.stream().map(PlanYearFigures::of).toList(), period.year())).orElse(null);
        ProgressDocument.Targets t = atCutOff.targets();
        ReportFigures.Targets targets = t == null || (t.clubs() == null && t.olderMembers() == null && t.contributionsVnd() == null)
                ? null : new ReportFigures.Targets(t.clubs(), t.olderMembers(), t.contributionsVnd());
        return new ReportFigures(stocks, periodFlows, plan, targets,
                plan == null ? ReportFigures.Attainment.of(0, 0, 0, null, null, null)
                        : ReportFigures.Attainment.of(c.active(), m.older(), stocks.receivedVndToDate(), plan.clubs(), plan.olderMembers(),
                        plan.contributionsVnd()),
                targets == null ? ReportFigures.Attainment.of(0, 0, 0, null, null, null)
                        : ReportFigures.Attainment.of(c.active(), m.older(), stocks.receivedVndToDate(),
                        targets.clubs() == null ? null : targets.clubs().longValue(),
                        targets.olderMembers() == null ? null : targets.olderMembers().longValue(), targets.contributionsVnd()));
    }

    private static ProgressDocument.AreaProgress area(ProgressDocument document, String district) {
        return document.districts().stream().filter(d -> d.code().equals(district)).findFirst()
                .orElseThrow(() -> new IllegalStateException("district " + district + " not in progress on " + document.asOf()));
    }
}
