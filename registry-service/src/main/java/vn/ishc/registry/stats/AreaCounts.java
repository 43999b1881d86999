package vn.ishc.registry.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** registry's own counts for one area in force on a date (a district before the 2025 reform, a commune after; the province for clubs awaiting a successor). */
public record AreaCounts(String code, @Schema(enumeration = {"PROVINCE", "DISTRICT", "COMMUNE"}) String level, long clubsActive,
                         long membersActive, long older, long women, long poor, long nearPoor, long hardship) {

    DistrictCounts counts() {
        return new DistrictCounts(code, clubsActive, membersActive, older, women, poor, nearPoor, hardship);
    }
}
