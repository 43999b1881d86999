package vn.ishc.kit.security;

/** The roles of the {@code groups} claim (DESIGN.md, Security); the same three in every service. */
public final class Roles {

    public static final String PROVINCE_ADMIN = "province-admin";
    public static final String DISTRICT_OFFICER = "district-officer";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
