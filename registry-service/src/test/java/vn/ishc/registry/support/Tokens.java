package vn.ishc.registry.support;

import vn.ishc.localstack.DevKeys;
import vn.ishc.localstack.DevTokens;

import java.time.Duration;

/** Bearer tokens signed by the test key pair that the service under test trusts. */
public final class Tokens {

    private Tokens() {
    }

    public static String provinceAdmin() {
        return mint("province-admin", null);
    }

    public static String districtOfficer(String district) {
        return mint("district-officer", district);
    }

    public static String viewer() {
        return mint("viewer", null);
    }

    /** A province admin's token with another audience (null: none), as if issued for another system. */
    public static String provinceAdminFor(String audience) {
        try {
            return DevTokens.mint(DevKeys.readPrivateKey(LocalStackResource.KEYS_DIR), DevTokens.DEFAULT_ISSUER, audience,
                    "test-other-audience", "province-admin", null, Duration.ofHours(1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mint(String role, String district) {
        try {
            DevKeys.ensure(LocalStackResource.KEYS_DIR);
            return DevTokens.mint(DevKeys.readPrivateKey(LocalStackResource.KEYS_DIR), DevTokens.DEFAULT_ISSUER,
                    "test-" + role + (district == null ? "" : "-" + district), role, district, Duration.ofHours(1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
