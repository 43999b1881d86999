package vn.ishc.reporting.survey;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/v1/programmes/{code}/survey-rounds}. */
@Schema(name = "NewSurveyRound", example = """
        {"title": "Khảo sát thực trạng CLB Liên thế hệ tự giúp nhau năm 2017",
         "purpose": "Nắm tình hình hoạt động của các CLB để hoàn thiện kế hoạch nhân rộng",
         "startsOn": "2017-07-24", "endsOn": "2017-08-31", "districtCodes": ["164", "165"]}""")
public record NewSurveyRound(
        @Schema(description = "Tên đợt khảo sát", maxLength = 300) @NotNull(message = "{field.required}") @Size(min = 3, max = 300, message = "{survey.title.length}") String title,
        @Schema(description = "Mục đích", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String purpose,
        @Schema(example = "2017-07-24") @NotNull(message = "{field.required}") LocalDate startsOn,
        @Schema(example = "2017-08-31") @NotNull(message = "{field.required}") LocalDate endsOn,
        @Schema(description = "Các huyện sẽ đến") @NotEmpty(message = "{field.required}") @Size(max = 200, message = "{targets.districts.size}")
        List<@NotNull(message = "{field.required}") @Pattern(regexp = "^[0-9]{3}$", message = "{plan.district.format}") String> districtCodes) {
}
