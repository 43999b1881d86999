package vn.ishc.registry.club;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The body of {@code POST /api/v1/clubs/{id}/closure}. */
@Schema(name = "Closure", example = """
        {"closedOn": "2020-06-30", "reason": "Sáp nhập với câu lạc bộ xóm bên cạnh"}""")
public record Closure(
        @Schema(description = "Ngày giải thể/ngừng hoạt động", example = "2020-06-30")
        @NotNull(message = "{field.required}") LocalDate closedOn,
        @Schema(description = "Lý do", example = "Sáp nhập với câu lạc bộ xóm bên cạnh")
        @NotNull(message = "{field.required}") String reason) {
}
