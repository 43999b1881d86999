package vn.ishc.kit.imports.job;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/imports/{id}/commit}. */
@Schema(name = "ImportCommit", example = "{\"rows\": \"VALID\"}")
public record ImportCommit(
        @Schema(description = "ALL: write only if every row is valid (409 otherwise). VALID: write the valid rows, leave the others.")
        @NotNull(message = "{field.required}") CommitMode rows) {
}
