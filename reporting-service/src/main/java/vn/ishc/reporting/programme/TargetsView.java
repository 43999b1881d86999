package vn.ishc.reporting.programme;

import java.util.List;

/**
 * A programme's targets, and whether the district targets add up to the province's for each
 * figure ({@code null} where the province has no target for it).
 */
public record TargetsView(String programmeCode, Area province, List<Area> districts, DistrictSums districtSums, AddsUp districtsAddUp) {

    public record Area(String code, Integer clubs, Integer olderMembers, Long contributionsVnd) {
    }

    public record DistrictSums(long clubs, long olderMembers, long contributionsVnd) {
    }

    public record AddsUp(Boolean clubs, Boolean olderMembers, Boolean contributionsVnd) {
    }
}
