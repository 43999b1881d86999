package vn.ishc.reporting.programme;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The body of {@code POST /api/v1/programmes}. */
@Schema(name = "NewProgramme", example = """
        {"code": "TN-ISHC-2021-2025", "name": "Nhân rộng mô hình CLB Liên thế hệ tự giúp nhau tỉnh Thái Nguyên giai đoạn 2021–2025",
         "startsOn": "2021-01-01", "endsOn": "2025-12-31", "legalBasis": "Kế hoạch của UBND tỉnh Thái Nguyên"}""")
public record NewProgramme(
        @Schema(description = "Mã chương trình: chữ in hoa, số, gạch ngang", example = "TN-ISHC-2021-2025")
        @NotNull(message = "{field.required}") @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{2,39}$", message = "{programme.code.invalid}") String code,
        @Schema(description = "Tên chương trình") @NotNull(message = "{field.required}") @Size(min = 3, max = 300, message = "{programme.name.length}") String name,
        @Schema(example = "2021-01-01") @NotNull(message = "{field.required}") LocalDate startsOn,
        @Schema(example = "2025-12-31") @NotNull(message = "{field.required}") LocalDate endsOn,
        @Schema(description = "Căn cứ pháp lý") @Size(max = 500, message = "{programme.legalBasis.length}") String legalBasis) {
}
