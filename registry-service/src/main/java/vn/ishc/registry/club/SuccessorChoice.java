package vn.ishc.registry.club;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/clubs/{id}/successor}. */
@Schema(name = "SuccessorChoice", example = """
        {"communeCode": "05443"}""")
public record SuccessorChoice(
        @Schema(description = "Xã/phường kế thừa, một trong successorCandidates của câu lạc bộ. One of the club's successorCandidates.",
                example = "05443")
        @NotNull(message = "{field.required}") String communeCode) {
}
