package vn.ishc.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.projection.Areas;
import vn.ishc.reporting.review.ReviewStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which districts have reported for a period, and how far their reports have gone. */
@ApplicationScoped
public class CompletenessService {

    @Inject
    Programmes programmes;

    @Inject
    DistrictReports reports;

    @Inject
    Areas areas;

    @Inject
    VietnamClock clock;

    @Transactional
    public PeriodCompleteness of(String programmeCode, String periodCode) {
        Programme programme = programmes.get(programmeCode);
        ReportPeriod period = reports.period(programme, periodCode);
        Map<String, List<DistrictReport>> byDistrict = reports.ofPeriod(programme.code, period.code()).stream()
                .collect(Collectors.groupingBy(r -> r.districtCode));
        LocalDate today = clock.today();
        List<PeriodCompleteness.DistrictStatus> districts = new ArrayList<>();
        Map<PeriodCompleteness.Status, Long> counts = new EnumMap<>(PeriodCompleteness.Status.class);
        long late = 0;
        for (Areas.District district : areas.districtsOn(period.to())) {
            List<DistrictReport> revisions = byDistrict.getOrDefault(district.code(), List.of());
            DistrictReport latest = revisions.stream().max(Comparator.comparingInt(r -> r.revision)).orElse(null);
            PeriodCompleteness.Status status = latest == null ? PeriodCompleteness.Status.NOT_STARTED
                    : PeriodCompleteness.Status.valueOf(latest.status.name());
            boolean amending = latest != null && latest.revision > 1 && latest.status != ReviewStatus.APPROVED;
            DistrictReport first = revisions.stream().min(Comparator.comparingInt(r -> r.revision)).orElse(null);
            boolean isLate = first == null || first.submittedAt == null
                    ? today.isAfter(period.dueOn())
                    : first.submittedAt.atZone(VietnamClock.ZONE).toLocalDate().isAfter(period.dueOn());
            boolean shown = latest != null && reports.readable(latest);
            districts.add(new PeriodCompleteness.DistrictStatus(district.code(), district.fullName(), status,
                    shown ? latest.id : null, latest == null ? null : latest.revision, latest == null ? null : latest.submittedAt,
                    isLate, amending));
            counts.merge(status, 1L, Long::sum);
            late += isLate ? 1 : 0;
        }
        return new PeriodCompleteness(period, districts, new PeriodCompleteness.Counts(
                counts.getOrDefault(PeriodCompleteness.Status.NOT_STARTED, 0L), counts.getOrDefault(PeriodCompleteness.Status.DRAFT, 0L),
                counts.getOrDefault(PeriodCompleteness.Status.SUBMITTED, 0L), counts.getOrDefault(PeriodCompleteness.Status.RETURNED, 0L),
                counts.getOrDefault(PeriodCompleteness.Status.APPROVED, 0L), late));
    }
}
