package vn.ishc.funding.donor;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a JSON merge patch of a donor, for the API document: a field present sets it, null
 * clears it, absent leaves it (the server reads the patch as a tree, see {@code MergePatch}).
 */
@Schema(name = "DonorPatch", additionalProperties = Schema.False.class, example = """
        {"email": "quy@example.vn", "name": "Quỹ Bảo trợ trẻ em tỉnh"}""")
public record DonorPatch(
        @Schema(description = "Tên nhà tài trợ", maxLength = 300) String name,
        DonorType type,
        @Schema(description = "Số điện thoại") String phone,
        @Schema(description = "Thư điện tử") String email) {
}
