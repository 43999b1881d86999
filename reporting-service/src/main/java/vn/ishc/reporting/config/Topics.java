package vn.ishc.reporting.config;

/**
 * The topics reporting consumes (their channels in application.properties name the same topics;
 * the local stack's and Kubernetes' topic lists are checked against the producers' names).
 */
public final class Topics {

    /** registry: one record per administrative-unit code, compacted. */
    public static final String ADMIN_UNITS = "registry.admin-units.v1";
    /** registry: one record per club change, with its de-identified members, compacted. */
    public static final String CLUB_SNAPSHOTS = "registry.club-snapshots.v1";
    /** funding: one record per contribution change, compacted. */
    public static final String CONTRIBUTIONS = "funding.contributions.v1";
    /** funding: one record per pledge change, compacted. */
    public static final String PLEDGES = "funding.pledges.v1";

    private Topics() {
    }
}
