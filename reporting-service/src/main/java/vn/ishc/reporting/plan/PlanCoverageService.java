package vn.ishc.reporting.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.reporting.config.Province;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.ProgrammeTarget;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.projection.Areas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sums the approved district plans and sets them against the programme's targets. */
@ApplicationScoped
public class PlanCoverageService {

    @Inject
    Programmes programmes;

    @Inject
    DistrictPlans plans;

    @Inject
    Areas areas;

    @Inject
    VietnamClock clock;

    @Transactional
    public PlanCoverage coverage(String programmeCode) {
        Programme programme = programmes.get(programmeCode);
        Map<String, ProgrammeTarget> targets = programmes.targets(programme.code);
        Map<String, DistrictPlan> approved = plans.approved(programme.code).stream()
                .collect(Collectors.toMap(p -> p.districtCode, Function.identity()));
        // the latest revision of each district the caller may read, from one query
        Map<String, DistrictPlan> latest = plans.list(programme.code, null).stream()
                .collect(Collectors.toMap(p -> p.districtCode, Function.identity(), (a, b) -> a.revision >= b.revision ? a : b));
        LocalDate today = clock.today();
        List<PlanCoverage.DistrictCoverage> districts = new ArrayList<>();
        List<String> without = new ArrayList<>();
        PlanToDate whole = PlanToDate.NONE;
        for (Areas.District district : areas.districtsOn(programme.endsOn.isBefore(today) ? programme.endsOn : today)) {
            DistrictPlan plan = approved.get(district.code());
            PlanToDate planned = plan == null ? null : PlanToDate.whole(figures(plan));
            if (plan == null) {
                without.add(district.code());
            } else {
                whole = whole.plus(planned);
            }
            PlanCoverage.Figures target = figures(targets.get(district.code()));
            DistrictPlan last = latest.get(district.code());
            districts.add(new PlanCoverage.DistrictCoverage(district.code(), district.fullName(), plan == null ? null : plan.revision,
                    last == null ? null : last.status.name(), planned, target, PlanCoverage.Matches.of(planned, target)));
        }
        List<PlanYearFigures> perYear = new ArrayList<>();
        for (int year = programme.startsOn.getYear(); year <= programme.endsOn.getYear(); year++) {
            long newClubs = 0;
            long maintained = 0;
            long older = 0;
            long vnd = 0;
            for (DistrictPlan plan : approved.values()) {
                for (PlanYear y : plan.years) {
                    if (y.year == year) {
                        newClubs += y.newClubs;
                        maintained += y.maintainedClubs;
                        older += y.olderMembers;
                        vnd += y.contributionsVnd;
                    }
                }
            }
            perYear.add(new PlanYearFigures(year, newClubs, maintained, older, vnd));
        }
        PlanCoverage.Figures provinceTargets = figures(targets.get(Province.CODE));
        return new PlanCoverage(programme.code, districts, perYear, whole, provinceTargets, PlanCoverage.Matches.of(whole, provinceTargets),
                without);
    }

    static List<PlanYearFigures> figures(DistrictPlan plan) {
        return plan.years.stream().map(PlanYearFigures::of).toList();
    }

    private static PlanCoverage.Figures figures(ProgrammeTarget target) {
        if (target == null) {
            return null;
        }
        return new PlanCoverage.Figures(target.clubs == null ? null : target.clubs.longValue(),
                target.olderMembers == null ? null : target.olderMembers.longValue(), target.contributionsVnd);
    }
}
