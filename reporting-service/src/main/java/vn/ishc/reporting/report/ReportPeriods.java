package vn.ishc.reporting.report;

import vn.ishc.reporting.programme.PeriodScheme;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The report periods of a programme: a six-monthly and an annual period for each of its years. */
public final class ReportPeriods {

    private ReportPeriods() {
    }

    public static List<ReportPeriod> of(LocalDate startsOn, LocalDate endsOn, PeriodScheme scheme, int dueDays) {
        List<ReportPeriod> periods = new ArrayList<>();
        for (int year = startsOn.getYear(); year <= endsOn.getYear(); year++) {
            periods.add(halfYear(year, scheme, dueDays));
            periods.add(wholeYear(year, scheme, dueDays));
        }
        return periods;
    }

    public static Optional<ReportPeriod> find(LocalDate startsOn, LocalDate endsOn, PeriodScheme scheme, int dueDays, String code) {
        return of(startsOn, endsOn, scheme, dueDays).stream().filter(p -> p.code().equals(code)).findFirst();
    }

    static ReportPeriod halfYear(int year, PeriodScheme scheme, int dueDays) {
        LocalDate from = scheme == PeriodScheme.DECREE_09 ? LocalDate.of(year - 1, Month.DECEMBER, 15) : LocalDate.of(year, Month.JANUARY, 1);
        LocalDate to = scheme == PeriodScheme.DECREE_09 ? LocalDate.of(year, Month.JUNE, 14) : LocalDate.of(year, Month.JUNE, 30);
        return new ReportPeriod(year + "-H1", ReportPeriod.Kind.HALF_YEAR, year, from, to, to.plusDays(dueDays));
    }

    static ReportPeriod wholeYear(int year, PeriodScheme scheme, int dueDays) {
        LocalDate from = scheme == PeriodScheme.DECREE_09 ? LocalDate.of(year - 1, Month.DECEMBER, 15) : LocalDate.of(year, Month.JANUARY, 1);
        LocalDate to = scheme == PeriodScheme.DECREE_09 ? LocalDate.of(year, Month.DECEMBER, 14) : LocalDate.of(year, Month.DECEMBER, 31);
        return new ReportPeriod(year + "-Y", ReportPeriod.Kind.YEAR, year, from, to, to.plusDays(dueDays));
    }
}
