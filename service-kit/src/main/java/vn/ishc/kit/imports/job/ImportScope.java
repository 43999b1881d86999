package vn.ishc.kit.imports.job;

import java.util.UUID;

/**
 * Who imports and where: the job; the area the caller may write in — a district officer's district,
 * an area officer's communes comma-separated, null for a province admin, who may write anywhere —;
 * and the caller's subject, recorded as the author of every change.
 */
public record ImportScope(UUID jobId, String district, String actor) {

    /** Whether a row placed in this district or commune is the caller's. */
    public boolean mayWriteIn(String areaCode) {
        return district == null || (areaCode != null && java.util.Arrays.asList(district.split(",")).contains(areaCode));
    }

    /** The district of a district officer's import; null for an area officer's or a province admin's. */
    public String officerDistrict() {
        return district != null && !district.contains(",") && district.length() == 3 ? district : null;
    }
}
