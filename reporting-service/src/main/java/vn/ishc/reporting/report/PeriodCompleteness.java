package vn.ishc.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where each district's report for a period stands: who has submitted, who is late, who was returned, who is approved. */
@Schema(name = "PeriodCompleteness", description = "Tình hình nộp báo cáo của các huyện trong kỳ. Each district's report for the period.")
public record PeriodCompleteness(ReportPeriod period, List<DistrictStatus> districts, Counts counts) {

    public enum Status { NOT_STARTED, DRAFT, SUBMITTED, RETURNED, APPROVED }

    public record DistrictStatus(
            @Schema(example = "164") String code, @Schema(example = "Thành phố Thái Nguyên") String name,
            Status status,
            @Schema(description = "The latest revision, when the caller may read it", nullable = true) UUID reportId,
            @Schema(nullable = true) Integer revision,
            @Schema(description = "When the latest revision was submitted", nullable = true) Instant submittedAt,
            @Schema(description = "Not submitted by the due date, or first submitted after it") boolean late,
            @Schema(description = "An approved report exists and an amended revision is in work") boolean amending) {
    }

    public record Counts(long notStarted, long draft, long submitted, long returned, long approved, long late) {
    }
}
