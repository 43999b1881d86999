package vn.ishc.registry.stats;

/** registry's own counts for one area on a date, by the counting rules (for reconciliation). */
public record DistrictCounts(String code, long clubsActive, long membersActive, long older, long women, long poor, long nearPoor,
                             long hardship) {

    DistrictCounts plus(DistrictCounts o) {
        return new DistrictCounts(code, clubsActive + o.clubsActive, membersActive + o.membersActive, older + o.older,
                women + o.women, poor + o.poor, nearPoor + o.nearPoor, hardship + o.hardship);
    }
}
