package vn.ishc.registry.club;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The body of {@code POST /api/v1/clubs}. */
@Schema(name = "NewClub", example = """
        {"name": "CLB Liên thế hệ tự giúp nhau phường Túc Duyên", "communeCode": "05437", "hamlet": "Tổ 5", "establishedOn": "2018-03-15"}""")
public record NewClub(
        @Schema(description = "Tên câu lạc bộ, 3–200 ký tự", example = "CLB Liên thế hệ tự giúp nhau phường Túc Duyên")
        @NotNull(message = "{field.required}") @Size(max = 400, message = "{club.name.length}") String name,
        @Schema(description = "Mã xã/phường/thị trấn (GSO)", example = "05437")
        @NotNull(message = "{field.required}") String communeCode,
        @Schema(description = "Thôn, xóm, tổ dân phố", example = "Tổ 5")
        @Size(max = 200) String hamlet,
        @Schema(description = "Ngày thành lập (YYYY-MM-DD)", example = "2018-03-15")
        @NotNull(message = "{field.required}") LocalDate establishedOn) {
}
