package vn.ishc.reporting.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/v1/programmes/{code}/district-plans}: a new draft revision of a district's plan. */
@Schema(name = "NewDistrictPlan", example = """
        {"districtCode": "164", "years": [
          {"year": 2017, "newClubs": 5, "maintainedClubs": 2, "olderMembers": 250, "contributionsVnd": 30000000},
          {"year": 2018, "newClubs": 10, "maintainedClubs": 2, "olderMembers": 700, "contributionsVnd": 60000000}]}""")
public record NewDistrictPlan(
        @Schema(example = "164") @NotNull(message = "{field.required}") @Pattern(regexp = "^[0-9]{3}$", message = "{plan.district.format}") String districtCode,
        @Schema(description = "Một dòng cho mỗi năm của chương trình; bỏ trống để chép bản đã duyệt. One entry per programme year; "
                + "leave out to start from the approved revision.")
        @Size(max = 50, message = "{plan.years.size}") List<@NotNull(message = "{field.required}") @Valid PlanYearFigures> years) {
}
