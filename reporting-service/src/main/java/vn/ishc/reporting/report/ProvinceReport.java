package vn.ishc.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ishc.reporting.progress.ProgressDocument;
import vn.ishc.reporting.review.ReviewStatus;

import java.time.Instant;
import java.util.List;

/**
 * The province's report for a period: every district's figures and words in one table, as the
 * province forwards it. A district's row is its approved report's frozen figures; a district
 * without an approved report shows its live figures, marked so.
 */
@Schema(name = "ProvinceReport", description = "Báo cáo tổng hợp của tỉnh cho một kỳ. The province report for a period: "
        + "each district's approved report (or, marked, its live figures) and the province total.")
public record ProvinceReport(ProgressDocument.ProgrammeRef programme, ReportPeriod period,
                             @Schema(example = "Tỉnh Thái Nguyên", nullable = true) String provinceName,
                             Instant compiledAt, List<Row> districts,
                             @Schema(description = "The districts' rows summed; attainment against the province's targets") Row total,
                             PeriodCompleteness.Counts completeness,
                             @Schema(description = "For the programme's last annual period, once the programme has ended: the whole "
                                     + "programme as of its end date (tổng kết)", nullable = true) ProgressDocument.AreaProgress wholeProgramme) {

    /** Where a row's figures come from. */
    public enum Source {
        /** The district's approved report, figures frozen as submitted. */
        APPROVED_REPORT,
        /** No approved report yet: the live figures on the cut-off date. */
        LIVE_FIGURES
    }

    public record Row(@Schema(example = "164") String code, @Schema(example = "Thành phố Thái Nguyên") String name,
                      @Schema(nullable = true) ReviewStatus reportStatus, @Schema(nullable = true) Integer revision,
                      Source source, ReportFigures figures, @Schema(nullable = true) Narrative narrative) {
    }
}
