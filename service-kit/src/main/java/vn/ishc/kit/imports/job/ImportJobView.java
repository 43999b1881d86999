package vn.ishc.kit.imports.job;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An import job as the API shows it: where it is, its row counts, what it would do or did, and its errors. */
@Schema(name = "ImportJob", description = "Một lần nhập tệp: trạng thái, số dòng, kết quả dự kiến hoặc đã ghi, và các lỗi. "
        + "An import: its status, row counts, what it would do (plan) or did (result), and its errors.")
public record ImportJobView(
        UUID id,
        @Schema(example = "members") String kind,
        @Schema(nullable = true, example = "hoi-vien-song-cong.xlsx") String fileName,
        @Schema(nullable = true, description = "Where the importing officer writes: a district officer's district, an area officer's communes (comma-separated); null for a province admin", example = "165") String districtCode,
        ImportStatus status,
        @Schema(nullable = true) CommitMode commitMode,
        Instant createdAt,
        @Schema(nullable = true) Instant finishedAt,
        Rows rows,
        @Schema(description = "What the valid rows would do, per record kind: {\"clubs\": {\"CREATE\": 2, \"UNCHANGED\": 1}, \"members\": {\"CREATE\": 120}}. "
                + "UPDATE and UNCHANGED are records matched with what is stored. Empty while the file is being checked.")
        Map<String, Map<String, Long>> plan,
        @Schema(description = "What the commit did, per record kind, in the same form as plan; empty until it is written")
        Map<String, Map<String, Long>> result,
        @Schema(description = "Columns of the file that were read, and headers that matched no field (ignored)", nullable = true)
        Map<String, Object> columns,
        @Schema(description = "How many errors there are in all (dry run and commit)") long errorCount,
        @Schema(description = "The first errors in row order (at most 200); all of them at …/errors")
        List<ImportError> errors,
        @Schema(nullable = true, description = "Why the job was refused or failed") String problem) {

    public record Rows(
            @Schema(description = "Rows read from the file (blank rows skipped)") long read,
            long valid,
            long invalid,
            @Schema(description = "Rows written by the commit") long written,
            @Schema(description = "Valid rows that could not be written when committed (see errors)") long failed) {
    }

    @Schema(name = "ImportError")
    public record ImportError(
            @Schema(description = "Row number as the spreadsheet shows it", example = "7") int row,
            @Schema(nullable = true, description = "The field (API name)", example = "birthDate") String field,
            @Schema(nullable = true, description = "The column's header in the template", example = "Ngày sinh") String column,
            @Schema(nullable = true, description = "The value as the file had it", example = "31/02/1950") String value,
            @Schema(example = "Ngày không có thật: 31/02/1950.") String message) {
    }
}
