package vn.ishc.reporting.projection;

/**
 * The projected members active on {@code :day}, each flagged {@code older} (60+ on the day) by the
 * counting rules: one SQL form for every on-demand count over the projected clubs.
 */
final class ActiveMembersSql {

    /** Use as {@code with active_member as (…)}: columns club_id, member_id, gender, older. */
    static final String ACTIVE_MEMBERS = """
            select club_id, member_id, gender,
                   case when birth_date is not null then birth_date <= cast(:day as date) - interval '60 years'
                        else extract(year from cast(:day as date)) - birth_year >= 60 end as older
            from club_member
            where joined_on <= :day and (left_on is null or left_on > :day)""";

    private ActiveMembersSql() {
    }
}
