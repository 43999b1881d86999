package vn.ishc.registry.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The shape of a JSON merge patch of a member, for the API document: a field present sets it,
 * null clears it, absent leaves it (the server reads the patch as a tree, see {@code MergePatch}).
 */
@Schema(name = "MemberPatch", additionalProperties = Schema.False.class, example = """
        {"householdStatus": "NONE", "householdStatusYear": null}""")
public record MemberPatch(
        @Schema(description = "Họ và tên", maxLength = 400) String fullName,
        Gender gender,
        @Schema(description = "Ngày sinh (YYYY-MM-DD)") LocalDate birthDate,
        @Schema(description = "Năm sinh, khi chỉ biết năm") Integer birthYear,
        HouseholdStatus householdStatus,
        @Schema(description = "Năm được công nhận hộ nghèo/cận nghèo") Integer householdStatusYear,
        @Schema(description = "Người dân tộc thiểu số") Boolean ethnicMinority,
        @Schema(description = "Số điện thoại") String phone,
        @Schema(description = "Ngày tham gia câu lạc bộ") LocalDate joinedOn) {
}
