package vn.ishc.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ishc.reporting.review.ReviewStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One revision of a district's report for a period. */
@Schema(name = "DistrictReport", description = "Báo cáo định kỳ của huyện (một lần sửa). One revision of a district's periodic report.")
public record DistrictReportView(
        UUID id,
        @Schema(example = "TN-ISHC-2017-2020") String programmeCode,
        ReportPeriod period,
        @Schema(example = "164") String districtCode,
        @Schema(example = "Thành phố Thái Nguyên (164)") String districtName,
        @Schema(example = "1") int revision,
        ReviewStatus status,
        @Schema(description = "Live while in draft or returned; as submitted from submission on") ReportFigures figures,
        @Schema(description = "True once submitted: the figures no longer follow the live ones") boolean figuresFrozen,
        @Schema(description = "For frozen figures: where the live figures for the period now differ (a late registration, a reversal)")
        List<ReportFigures.Difference> differences,
        Narrative narrative,
        @Schema(description = "Ý kiến của tỉnh khi trả lại hoặc yêu cầu sửa. The province's comment on a return or an amendment request.", nullable = true)
        String returnComment,
        Instant createdAt, String createdBy, Instant submittedAt, String submittedBy, Instant decidedAt, String decidedBy) {
}
