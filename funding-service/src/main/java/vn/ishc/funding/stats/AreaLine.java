package vn.ishc.funding.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One area in force on the date (a district, a commune, or the province's own items) with funding's totals there. */
@Schema(name = "AreaLine")
public record AreaLine(
        @Schema(example = "05443") String code,
        @Schema(description = "DISTRICT or COMMUNE: a child of the province in force on asOf; PROVINCE: the province-level items", example = "COMMUNE",
                enumeration = {"DISTRICT", "COMMUNE", "PROVINCE"}) String level,
        long receivedVnd, long cashVnd, long inKindVnd, long labourVnd, long pledgedOutstandingVnd) {

    static AreaLine of(String level, AreaTotals totals) {
        return new AreaLine(totals.code(), level, totals.receivedVnd(), totals.cashVnd(), totals.inKindVnd(), totals.labourVnd(),
                totals.pledgedOutstandingVnd());
    }
}
