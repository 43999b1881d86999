package vn.ishc.funding.contribution;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The body of {@code POST /api/v1/contributions/{id}/reversal}. */
@Schema(name = "Reversal", example = """
        {"reversedOn": "2019-06-02", "reason": "Ghi nhầm số tiền, đã ghi lại khoản đúng"}""")
public record Reversal(
        @Schema(description = "Ngày hủy bút toán", example = "2019-06-02") @NotNull(message = "{field.required}") LocalDate reversedOn,
        @Schema(description = "Lý do", example = "Ghi nhầm số tiền") @NotNull(message = "{field.required}") String reason) {
}
