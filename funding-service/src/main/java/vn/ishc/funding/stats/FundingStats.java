package vn.ishc.funding.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/stats}: each district, the province-level items (no district),
 * and the province = Σ districts + province-level items.
 */
public record FundingStats(LocalDate asOf, LocalDate from, AreaTotals province, AreaTotals provinceLevel, List<AreaTotals> districts) {
}
