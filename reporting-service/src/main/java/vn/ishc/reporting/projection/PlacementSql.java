package vn.ishc.reporting.projection;

/** The placement ({@code p}, a club_placement row) of a club on {@code :day}, in SQL: one form for every on-demand query. */
final class PlacementSql {

    /**
     * The placement in force on the day. One under a district that is no longer in force is not
     * counted in a commune: commune codes are reused across the 2025 reform, and such a placement is
     * one registry has not re-announced since (the club counts in no commune in force until it has).
     */
    static final String ON_DAY = """
            p.valid_from <= :day and (p.valid_to is null or p.valid_to > :day)
            and (p.district_code is null or exists (select 1 from admin_unit_period d
                 where d.code = p.district_code and d.level = 'DISTRICT'
                   and (d.valid_from is null or d.valid_from <= :day) and (d.valid_to is null or d.valid_to > :day)))""";

    private PlacementSql() {
    }
}
