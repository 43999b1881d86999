package vn.ishc.kit.security;

/** The roles of the {@code groups} claim (DESIGN.md, Security); the same four in every service. */
public final class Roles {

    public static final String PROVINCE_ADMIN = "province-admin";
    public static final String DISTRICT_OFFICER = "district-officer";
    /** An officer of one or more communes ({@code communes} claim), after the 2025 reform (decision 0013). */
    public static final String AREA_OFFICER = "area-officer";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
