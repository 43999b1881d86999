package vn.ishc.reporting.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a return (trả lại) or of a request for an amended report: what the district should change. */
@Schema(name = "ReviewComment", example = "{\"comment\": \"Bổ sung số hội viên thuộc hộ cận nghèo.\"}")
public record ReturnRequest(
        @Schema(description = "Ý kiến của tỉnh. What the district should change.", minLength = 1, maxLength = 2000)
        @NotBlank(message = "{field.required}") @Size(max = 2000, message = "{review.comment.size}") String comment) {
}
