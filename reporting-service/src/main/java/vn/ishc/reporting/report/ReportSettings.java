package vn.ishc.reporting.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ishc.reporting.programme.PeriodScheme;

/** How a programme cuts its report periods and when reports are due; the body and answer of {@code …/report-settings}. */
@Schema(name = "ReportSettings", example = "{\"periodScheme\": \"DECREE_09\", \"dueDaysAfterCutOff\": 6}")
public record ReportSettings(
        @Schema(description = "DECREE_09: 15/12 – 14/6 and 15/12 – 14/12 (Nghị định 09/2019/NĐ-CP); CALENDAR: 1/1 – 30/6 and 1/1 – 31/12")
        @NotNull(message = "{field.required}") PeriodScheme periodScheme,
        @Schema(description = "Days after the cut-off by which a district's report is due", minimum = "0", maximum = "90", example = "6")
        @NotNull(message = "{field.required}") @Min(value = 0, message = "{report.dueDays.range}") @Max(value = 90, message = "{report.dueDays.range}")
        Integer dueDaysAfterCutOff) {
}
