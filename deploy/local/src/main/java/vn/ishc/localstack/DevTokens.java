package vn.ishc.localstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Mints RS256 JWTs shaped like the ones the province's identity provider issues: the role in
 * {@code groups}, the district of a district officer in {@code district}, the communes of an area
 * officer (after the 2025 reform) in {@code communes}.
 */
public final class DevTokens {

    public static final String DEFAULT_ISSUER = "https://ishc.local/dev";
    /** The audience the services require ({@code mp.jwt.verify.audiences}): a token minted for another system is refused. */
    public static final String DEFAULT_AUDIENCE = "ishc";
    public static final Set<String> ROLES = Set.of("province-admin", "district-officer", "area-officer", "viewer");

    private DevTokens() {
    }

    /**
     * @param area required for {@code district-officer} (a district code) and {@code area-officer} (commune codes,
     *             comma-separated); ignored (may be null) otherwise
     */
    public static String mint(PrivateKey key, String issuer, String subject, String role, String area, Duration lifetime)
            throws GeneralSecurityException {
        return mint(key, issuer, DEFAULT_AUDIENCE, subject, role, area, lifetime);
    }

    /**
     * @param audience the {@code aud} claim; null leaves it out
     */
    public static String mint(PrivateKey key, String issuer, String audience, String subject, String role, String area,
                              Duration lifetime) throws GeneralSecurityException {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'; use one of " + ROLES);
        }
        if ("district-officer".equals(role) && (area == null || !area.matches("\\d{3}"))) {
            throw new IllegalArgumentException("a district-officer token needs a three-digit district code, e.g. 164");
        }
        if ("area-officer".equals(role) && (area == null || !area.matches("\\d{5}(,\\d{5})*"))) {
            throw new IllegalArgumentException("an area-officer token needs one or more five-digit commune codes, e.g. 05443,05482");
        }
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":").append(json(issuer))
                .append(audience == null ? "" : ",\"aud\":" + json(audience))
                .append(",\"sub\":").append(json(subject))
                .append(",\"upn\":").append(json(subject))
                .append(",\"groups\":[").append(json(role)).append(']')
                .append(",\"iat\":").append(now.getEpochSecond())
                .append(",\"exp\":").append(now.plus(lifetime).getEpochSecond())
                .append(",\"jti\":").append(json(UUID.randomUUID().toString()));
        if ("district-officer".equals(role)) {
            claims.append(",\"district\":").append(json(area));
        }
        if ("area-officer".equals(role)) {
            claims.append(",\"communes\":[");
            String[] communes = area.split(",");
            for (int i = 0; i < communes.length; i++) {
                claims.append(i == 0 ? "" : ",").append(json(communes[i]));
            }
            claims.append(']');
        }
        claims.append('}');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"ishc-dev\"}";
        String signingInput = base64Url(header) + "." + base64Url(claims.toString());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
