package vn.ishc.registry.club;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The shape of a JSON merge patch of a club, for the API document: a field present sets it, null
 * clears it, absent leaves it. The server reads the patch as a tree ({@code MergePatch}) because a
 * record cannot tell absent from null.
 */
@Schema(name = "ClubPatch", additionalProperties = Schema.False.class, example = """
        {"name": "CLB Liên thế hệ tự giúp nhau Tổ 5 Túc Duyên", "hamlet": "Tổ 5"}""")
public record ClubPatch(
        @Schema(description = "Tên câu lạc bộ, 3–200 ký tự", maxLength = 400) String name,
        @Schema(description = "Thôn, xóm, tổ dân phố; null để xóa", maxLength = 200) String hamlet,
        @Schema(description = "Ngày thành lập (YYYY-MM-DD)") LocalDate establishedOn) {
}
