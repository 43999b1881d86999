package vn.ishc.registry.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/v1/stats}: per area in force, and the province as their sum. */
public record RegistryStats(LocalDate asOf, DistrictCounts province,
                            @Schema(description = "The districts in force on asOf, as before the 2025 reform; empty from 2025-07-01") List<DistrictCounts> districts,
                            @Schema(description = "The areas in force on asOf, whatever their level (districts, then communes from 2025-07-01), "
                                    + "and the province itself when clubs await the choice of a successor") List<AreaCounts> areas) {
}
