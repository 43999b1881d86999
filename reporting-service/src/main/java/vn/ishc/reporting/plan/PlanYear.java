package vn.ishc.reporting.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What a district plans for one year of a programme. */
@Embeddable
public class PlanYear {

    public int year;

    /** Clubs to establish during the year (thành lập mới). */
    @Column(name = "new_clubs")
    public int newClubs;

    /** Clubs established before the programme that the district keeps running in the year (duy trì). */
    @Column(name = "maintained_clubs")
    public int maintainedClubs;

    /** Older people taking part by the end of the year. */
    @Column(name = "older_members")
    public int olderMembers;

    /** Money to mobilise during the year. */
    @Column(name = "contributions_vnd")
    public long contributionsVnd;
}
