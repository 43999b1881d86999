package vn.ishc.testkit.stack;

import vn.ishc.localstack.DevKeys;
import vn.ishc.localstack.DevTokens;

import java.time.Duration;

/**
 * Bearer tokens signed by the test key pair ({@link LocalStackResource#KEYS_DIR}) that the service
 * under test trusts, issued by the dev issuer for the services' audience unless told otherwise.
 */
public final class Tokens {

    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private Tokens() {
    }

    public static String provinceAdmin() {
        return mint("province-admin", null);
    }

    public static String districtOfficer(String district) {
        return mint("district-officer", district);
    }

    /** An area officer (after the 2025 reform) of one or more communes. */
    public static String areaOfficer(String... communes) {
        return mint("area-officer", String.join(",", communes));
    }

    public static String viewer() {
        return mint("viewer", null);
    }

    /** A viewer's token of its own subject, valid for {@code lifetime}. */
    public static String viewer(String subject, Duration lifetime) {
        return mint(DevTokens.DEFAULT_AUDIENCE, subject, "viewer", null, lifetime);
    }

    /** A province admin's token with another audience (null: none), as if issued for another system. */
    public static String provinceAdminFor(String audience) {
        return mint(audience, "test-other-audience", "province-admin", null, ONE_HOUR);
    }

    /** A token of {@code role} (and {@code district}, for a district officer), subject "test-role[-district]", valid an hour. */
    public static String mint(String role, String district) {
        return mint(DevTokens.DEFAULT_AUDIENCE, "test-" + role + (district == null ? "" : "-" + district.replace(',', '-')), role, district, ONE_HOUR);
    }

    /** Any token the dev issuer could sign; {@code audience} null leaves the claim out. */
    public static String mint(String audience, String subject, String role, String district, Duration lifetime) {
        try {
            DevKeys.ensure(LocalStackResource.KEYS_DIR);
            return DevTokens.mint(DevKeys.readPrivateKey(LocalStackResource.KEYS_DIR), DevTokens.DEFAULT_ISSUER, audience,
                    subject, role, district, lifetime);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
