package vn.ishc.reporting.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How a period and its dates are written in a Vietnamese report. */
public final class PeriodLabels {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PeriodLabels() {
    }

    /** "6 tháng đầu năm 2018" or "năm 2018". */
    public static String name(ReportPeriod period) {
        return period.kind() == ReportPeriod.Kind.HALF_YEAR ? "6 tháng đầu năm " + period.year() : "năm " + period.year();
    }

    /** "số liệu từ 15/12/2017 đến 14/06/2018". */
    public static String range(ReportPeriod period) {
        return "số liệu từ " + day(period.from()) + " đến " + day(period.to());
    }

    public static String day(LocalDate date) {
        return date.format(DAY);
    }
}
