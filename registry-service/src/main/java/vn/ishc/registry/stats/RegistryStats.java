package vn.ishc.registry.stats;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/v1/stats}: per district, and the province as their sum. */
public record RegistryStats(LocalDate asOf, DistrictCounts province, List<DistrictCounts> districts) {
}
