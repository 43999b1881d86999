package vn.ishc.reporting.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ishc.reporting.review.ReviewStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One revision of a district's plan. */
@Schema(name = "DistrictPlan", description = "Kế hoạch của huyện (một lần sửa). One revision of a district's plan.")
public record DistrictPlanView(
        UUID id,
        @Schema(example = "TN-ISHC-2017-2020") String programmeCode,
        @Schema(example = "164") String districtCode,
        @Schema(example = "Thành phố Thái Nguyên") String districtName,
        @Schema(example = "1") int revision,
        ReviewStatus status,
        @Schema(description = "Ý kiến khi trả lại. The province's comment when it returned the revision.") String returnComment,
        List<PlanYearFigures> years,
        PlanToDate totals,
        Instant createdAt, String createdBy,
        Instant submittedAt, String submittedBy,
        @Schema(description = "When the province approved or returned it") Instant decidedAt, String decidedBy) {
}
