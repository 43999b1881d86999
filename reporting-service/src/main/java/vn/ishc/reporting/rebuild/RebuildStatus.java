package vn.ishc.reporting.rebuild;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Where a rebuild is: replaying beside the live figures, switched in, or failed (the live figures stay as they were). */
@Schema(description = "Một lần dựng lại dữ liệu báo cáo. A rebuild of reporting's projections.")
public record RebuildStatus(
        @Schema(required = true, description = "The rebuild's number, one more than the last") long generation,
        @Schema(required = true, description = "REPLAYING while the shadow projection fills (progress answers from the previous figures), "
                + "SWITCHED once it replaced them, FAILED if it stopped (the previous figures stay)",
                enumeration = {"REPLAYING", "SWITCHED", "FAILED"}) String state,
        @Schema(required = true, description = "When it was asked for") Instant requestedAt,
        @Schema(required = true, description = "When its replay (last) started; later than requestedAt after another replica took it over") Instant startedAt,
        @Schema(description = "When it switched in or failed") Instant finishedAt,
        @Schema(required = true, description = "Events applied to the shadow projection so far") long eventsReplayed,
        @Schema(required = true, description = "The replica running or that ran the replay") String replica,
        @Schema(description = "Why it failed") String failure) {
}
