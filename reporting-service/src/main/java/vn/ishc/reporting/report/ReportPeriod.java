package vn.ishc.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * One report period of a programme: its figures run from {@code from} to {@code to} (the cut-off
 * date, on which the stocks are counted), and the district's report is due on {@code dueOn}.
 */
@Schema(description = "Kỳ báo cáo. A report period: flows from `from` to `to`, stocks on `to` (the cut-off), report due on `dueOn`.")
public record ReportPeriod(
        @Schema(example = "2018-H1", description = "`{year}-H1` (6 tháng) or `{year}-Y` (năm)") String code,
        Kind kind,
        @Schema(example = "2018") int year,
        @Schema(example = "2017-12-15") LocalDate from,
        @Schema(example = "2018-06-14") LocalDate to,
        @Schema(example = "2018-06-20") LocalDate dueOn) {

    public enum Kind {
        /** Báo cáo 6 tháng đầu năm. */
        HALF_YEAR,
        /** Báo cáo năm. */
        YEAR
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
