package vn.ishc.funding.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/stats}: each district, the items with no district (province-level
 * or, from the 2025 reform, a commune's), the province = Σ districts + provinceLevel; and the same
 * totals by the areas in force on asOf, province = Σ areas (decision 0013).
 */
public record FundingStats(LocalDate asOf, LocalDate from, AreaTotals province,
                           @Schema(description = "Items recorded to no district: the province's own and, from the 2025 reform, the communes'")
                           AreaTotals provinceLevel,
                           @Schema(description = "By the district each item was recorded to, whatever the date")
                           List<AreaTotals> districts,
                           @Schema(description = "By the areas in force on asOf (the province's districts, or its communes from the 2025 reform), "
                                   + "then the province-level line (code of the province, level PROVINCE): an item of a district that has "
                                   + "ended counts there. Σ areas = province.")
                           List<AreaLine> areas) {
}
