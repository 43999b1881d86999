package vn.ishc.registry.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.inject.Inject;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import vn.ishc.kit.security.VerifiedTokenCache;
import vn.ishc.localstack.DevKeys;
import vn.ishc.localstack.DevTokens;
import vn.ishc.testkit.stack.LocalStackResource;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A token is verified once, and answered from memory afterwards exactly as the verifier would answer it. */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenCache cache;

    @Inject
    JWTAuthContextInfo settings;

    @Test
    void theSameTokenTwiceIsAcceptedAndVerifiedOnce() {
        String token = Tokens.mint(DevTokens.DEFAULT_AUDIENCE, "repeat-" + UUID.randomUUID(), "province-admin", null, Duration.ofHours(1));
        long before = cache.verifications();
        clubs(token).statusCode(200);
        clubs(token).statusCode(200);
        assertEquals(before + 1, cache.verifications(), "the second request was answered from memory");
    }

    @Test
    void aTokenWhoseSignatureWasAlteredIsRefusedAfterTheOriginalWasAccepted() {
        String token = Tokens.mint(DevTokens.DEFAULT_AUDIENCE, "altered-" + UUID.randomUUID(), "province-admin", null, Duration.ofHours(1));
        clubs(token).statusCode(200);
        // A character in the middle of the signature (the last one may only hold padding bits).
        int at = token.lastIndexOf('.') + 20;
        String altered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        clubs(altered).statusCode(401).contentType("application/problem+json");
        clubs(token).statusCode(200);
    }

    @Test
    @SuppressWarnings("deprecation") // the expiration grace, deprecated but still honoured by the verifier
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        long skew = settings.getExpGracePeriodSecs() > 0 ? settings.getExpGracePeriodSecs() : Math.max(settings.getClockSkew(), 0);
        long now = nowSeconds();
        // Issued an hour ago; its exp plus the allowed clock skew is 3 seconds away.
        long exp = now - skew + 3;
        String token = signed("expiring-" + UUID.randomUUID(), now - 3600, exp);
        clubs(token).statusCode(200);
        long verified = cache.verifications();
        clubs(token).statusCode(200);
        assertEquals(verified, cache.verifications(), "still inside the clock skew: answered from memory");
        while (nowSeconds() - skew < exp) {
            Thread.sleep(100);
        }
        clubs(token).statusCode(401).contentType("application/problem+json");
    }

    private static ValidatableResponse clubs(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/clubs").then();
    }

    /** A province admin's token signed with the test key, with its iat and exp chosen. */
    private static String signed(String subject, long issuedAt, long expiresAt) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevTokens.DEFAULT_ISSUER);
        claims.setAudience(DevTokens.DEFAULT_AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", "province-admin");
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        DevKeys.ensure(LocalStackResource.KEYS_DIR);
        jws.setKey(DevKeys.readPrivateKey(LocalStackResource.KEYS_DIR));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue("ishc-dev");
        return jws.getCompactSerialization();
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
