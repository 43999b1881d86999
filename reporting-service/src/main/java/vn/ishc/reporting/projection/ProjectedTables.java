package vn.ishc.reporting.projection;

import java.util.List;

/** Every table the projections write, which a rebuild builds again beside the live ones. */
public final class ProjectedTables {

    /** Parents before the tables that reference them. */
    public static final List<String> TABLES = List.of("admin_unit_version", "admin_unit_period", "admin_unit_succession", "club",
            "club_placement", "club_member", "contribution", "pledge", "applied_event", "source_freshness");

    private ProjectedTables() {
    }
}
