package vn.ishc.funding.pledge;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The body of {@code POST /api/v1/pledges/{id}/cancellation}. */
@Schema(name = "Cancellation", example = """
        {"cancelledOn": "2020-01-15", "reason": "Doanh nghiệp rút cam kết do khó khăn"}""")
public record Cancellation(
        @Schema(description = "Ngày hủy cam kết", example = "2020-01-15") @NotNull(message = "{field.required}") LocalDate cancelledOn,
        @Schema(description = "Lý do", example = "Doanh nghiệp rút cam kết") @NotNull(message = "{field.required}") String reason) {
}
