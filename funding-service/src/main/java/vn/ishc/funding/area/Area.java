package vn.ishc.funding.area;

import vn.ishc.kit.security.Place;

import java.util.Set;

/**
 * Where a contribution or pledge is recorded (decision 0013): a district (before the 2025 reform),
 * a commune directly under the province (from it), or neither — the province's own.
 */
public record Area(String districtCode, String communeCode) {

    public static final Area PROVINCE = new Area(null, null);

    public boolean isProvince() {
        return districtCode == null && communeCode == null;
    }

    /** The code of the area's book of receipts (codes of 3 and 5 digits never collide); null: the province's. */
    public String book() {
        return districtCode != null ? districtCode : communeCode;
    }

    /** Who may act on it: the district's officers, the commune's area officers, and the province. */
    public Place place() {
        return new Place(districtCode, communeCode == null ? Set.of() : Set.of(communeCode));
    }
}
