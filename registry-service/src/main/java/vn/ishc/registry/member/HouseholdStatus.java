package vn.ishc.registry.member;

/** Hộ nghèo, hộ cận nghèo, hoàn cảnh khó khăn, none of these. */
public enum HouseholdStatus {
    POOR, NEAR_POOR, HARDSHIP, NONE;

    /** Poverty status is certified for a poverty-standard period, so its year is required. */
    public boolean needsCertificationYear() {
        return this == POOR || this == NEAR_POOR;
    }
}
