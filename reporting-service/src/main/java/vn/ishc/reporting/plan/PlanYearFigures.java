package vn.ishc.reporting.plan;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One year of a plan, as sent and as shown. */
@Schema(name = "PlanYear", description = "Kế hoạch một năm. One year of a district plan.")
public record PlanYearFigures(
        @Schema(example = "2018") @NotNull(message = "{field.required}") Integer year,
        @Schema(description = "Số CLB thành lập mới trong năm. Clubs to establish during the year.", example = "10", minimum = "0")
        @NotNull(message = "{field.required}") Long newClubs,
        @Schema(description = "Số CLB duy trì (thành lập trước chương trình). Clubs from before the programme kept running.", example = "3", minimum = "0")
        @NotNull(message = "{field.required}") Long maintainedClubs,
        @Schema(description = "Số người cao tuổi tham gia đến cuối năm. Older members by the end of the year.", example = "500", minimum = "0")
        @NotNull(message = "{field.required}") Long olderMembers,
        @Schema(description = "Số tiền vận động trong năm (đồng). Money to mobilise during the year.", example = "50000000", minimum = "0")
        @NotNull(message = "{field.required}") Long contributionsVnd) {

    public static PlanYearFigures of(PlanYear y) {
        return new PlanYearFigures(y.year, (long) y.newClubs, (long) y.maintainedClubs, (long) y.olderMembers, y.contributionsVnd);
    }
}
