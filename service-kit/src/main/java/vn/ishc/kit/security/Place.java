package vn.ishc.kit.security;

import java.util.Set;

/**
 * Where a record sits for scope checks: the district it was registered in (null after the 2025
 * reform or for the province's own records) and the communes it belongs to on the day that
 * matters (today, or the candidates of a club awaiting a successor).
 */
public record Place(String districtCode, Set<String> communeCodes) {

    public Place {
        communeCodes = communeCodes == null ? Set.of() : Set.copyOf(communeCodes);
    }

    /** A district's record, or the province's own when {@code districtCode} is null. */
    public static Place district(String districtCode) {
        return new Place(districtCode, Set.of());
    }

    public static Place of(String districtCode, String... communeCodes) {
        return new Place(districtCode, Set.of(java.util.Arrays.stream(communeCodes).filter(java.util.Objects::nonNull).toArray(String[]::new)));
    }

    /** How a refusal names it: the district, else the communes, else null (the province). */
    String label() {
        return districtCode != null ? districtCode : communeCodes.isEmpty() ? null : String.join(", ", new java.util.TreeSet<>(communeCodes));
    }
}
