package vn.ishc.reporting.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST …/report-periods/{period}/district-reports}: open a district's report for the period. */
@Schema(name = "NewDistrictReport", example = "{\"districtCode\": \"164\"}")
public record NewDistrictReport(
        @Schema(example = "164") @NotNull(message = "{field.required}") @Pattern(regexp = "^[0-9]{3}$", message = "{plan.district.format}") String districtCode) {
}
