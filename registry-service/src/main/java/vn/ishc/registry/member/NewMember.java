package vn.ishc.registry.member;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The body of {@code POST /api/v1/clubs/{id}/members}. birthDate or birthYear is required. */
@Schema(name = "NewMember", example = """
        {"fullName": "Nguyễn Thị Lan", "gender": "FEMALE", "birthYear": 1955, "householdStatus": "NEAR_POOR",
         "householdStatusYear": 2018, "ethnicMinority": false, "phone": "0912 345 678", "joinedOn": "2018-04-01"}""")
public record NewMember(
        @Schema(description = "Họ và tên", example = "Nguyễn Thị Lan")
        @NotNull(message = "{field.required}") @Size(max = 400, message = "{member.name.length}") String fullName,
        @Schema(description = "Giới tính", example = "FEMALE")
        @NotNull(message = "{field.required}") Gender gender,
        @Schema(description = "Ngày sinh (YYYY-MM-DD), nếu biết", example = "1955-08-20") LocalDate birthDate,
        @Schema(description = "Năm sinh, khi chỉ biết năm", example = "1955") Integer birthYear,
        @Schema(description = "Hộ nghèo, cận nghèo, hoàn cảnh khó khăn hoặc không", example = "NEAR_POOR")
        @NotNull(message = "{field.required}") HouseholdStatus householdStatus,
        @Schema(description = "Năm được công nhận hộ nghèo/cận nghèo", example = "2018") Integer householdStatusYear,
        @Schema(description = "Người dân tộc thiểu số", example = "false") Boolean ethnicMinority,
        @Schema(description = "Số điện thoại", example = "0912 345 678") String phone,
        @Schema(description = "Ngày tham gia câu lạc bộ", example = "2018-04-01")
        @NotNull(message = "{field.required}") LocalDate joinedOn) {
}
