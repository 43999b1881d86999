package vn.ishc.reporting.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The figures at the end of one period (or on the last day asked for), for charts. */
public record SeriesPoint(LocalDate asOf, ProgressDocument.AreaProgress province,
                          @Schema(description = "The districts in force on asOf; empty from 2025-07-01 (use areas)")
                          List<ProgressDocument.AreaProgress> districts,
                          @Schema(description = "The level-neutral view: the areas in force on asOf (districts, then communes), as in progress")
                          List<ProgressDocument.LevelledAreaProgress> areas) {
}
