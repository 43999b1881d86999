package vn.ishc.registry.events;

/** The topics registry publishes; their event schemas are under /schemas. */
public final class Topics {

    /** One record per administrative-unit code, compacted: the unit's whole dated history. */
    public static final String ADMIN_UNITS = "registry.admin-units.v1";
    /** One record per club change, keyed by club id, compacted: the club and its de-identified members. */
    public static final String CLUB_SNAPSHOTS = "registry.club-snapshots.v1";

    private Topics() {
    }
}
