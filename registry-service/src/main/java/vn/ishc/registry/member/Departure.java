package vn.ishc.registry.member;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The body of {@code POST /api/v1/clubs/{id}/members/{memberId}/departure}. */
@Schema(name = "Departure", example = """
        {"leftOn": "2020-03-31", "reason": "Chuyển đến sống cùng con ở Hà Nội"}""")
public record Departure(
        @Schema(description = "Ngày rời câu lạc bộ", example = "2020-03-31")
        @NotNull(message = "{field.required}") LocalDate leftOn,
        @Schema(description = "Lý do", example = "Chuyển đến sống cùng con ở Hà Nội")
        @NotNull(message = "{field.required}") String reason) {
}
