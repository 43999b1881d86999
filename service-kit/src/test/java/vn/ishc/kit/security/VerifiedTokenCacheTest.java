package vn.ishc.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tokens signed and verified for real (RSA key, jose4j, smallrye-jwt's verifier); only the cache's clock is set by the test. */
class VerifiedTokenCacheTest {

    private static final String ISSUER = "https://ishc.test/issuer";
    private static final KeyPair KEYS = rsaKeys();

    private final AtomicLong clock = new AtomicLong(nowSeconds());
    private JWTAuthContextInfo context;

    @BeforeEach
    void settings() {
        context = new JWTAuthContextInfo(KEYS.getPublic(), ISSUER);
        context.setClockSkew(0);
    }

    @Test
    void aTokenVerifiedOnceIsAnsweredFromMemory() throws Exception {
        VerifiedTokenCache cache = cache(10);
        String token = token("viewer-1", nowSeconds() + 3600);
        JWTCallerPrincipal first = cache.parse(token, context);
        assertSame(first, cache.parse(token, context));
        assertEquals(1, cache.verifications());
        assertEquals("viewer-1", first.getSubject());
    }

    @Test
    void aTokenWithAnotherSignatureIsVerifiedAndRefused() throws Exception {
        VerifiedTokenCache cache = cache(10);
        String token = token("viewer-1", nowSeconds() + 3600);
        cache.parse(token, context);
        assertThrows(ParseException.class, () -> cache.parse(withAlteredSignature(token), context));
        assertThrows(ParseException.class, () -> cache.parse(withAlteredSignature(token), context), "a refusal is not remembered");
        assertEquals(3, cache.verifications());
    }

    @Test
    void theSameTokenUnderOtherSettingsIsVerifiedUnderThem() throws Exception {
        VerifiedTokenCache cache = cache(10);
        String token = token("viewer-1", nowSeconds() + 3600);
        cache.parse(token, context);
        JWTAuthContextInfo otherIssuer = new JWTAuthContextInfo(KEYS.getPublic(), "https://another.issuer");
        assertThrows(ParseException.class, () -> cache.parse(token, otherIssuer));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(new DefaultJWTCallerPrincipalFactory(), VerifiedTokenCacheTest::nowSeconds, 10);
        long exp = nowSeconds() + 2;
        String token = token("short-lived", exp);
        cache.parse(token, context);
        while (nowSeconds() < exp) {
            Thread.sleep(100);
        }
        assertThrows(ParseException.class, () -> cache.parse(token, context));
        assertEquals(0, cache.size());
    }

    @Test
    @SuppressWarnings("deprecation")
    void aRememberedTokenIsServedUntilTheVerifierWouldRefuseIt() throws Exception {
        long exp = nowSeconds() + 3600;
        JWTCallerPrincipal principal = cache(10).parse(token("viewer-1", exp), context);
        assertEquals(exp, VerifiedTokenCache.usableUntil(principal, context), "no skew: refused from exp on");
        context.setClockSkew(60);
        assertEquals(exp + 60, VerifiedTokenCache.usableUntil(principal, context));
        context.setExpGracePeriodSecs(30);
        assertEquals(exp + 30, VerifiedTokenCache.usableUntil(principal, context), "the grace, when set, replaces the skew");
        context.setTokenAge(600L);
        assertEquals(principal.getIssuedAtTime() + 601, VerifiedTokenCache.usableUntil(principal, context), "refused once older than the token age");
    }

    @Test
    void aFullCacheDropsExpiredTokensFirstAndOtherwiseStartsAgain() throws Exception {
        VerifiedTokenCache cache = cache(2);
        long now = nowSeconds();
        String shortLived = token("short", now + 10);
        String longLived = token("long", now + 3600);
        cache.parse(shortLived, context);
        cache.parse(longLived, context);
        clock.set(now + 50);
        cache.parse(token("third", now + 3600), context);
        assertEquals(2, cache.size(), "the expired token made room");
        cache.parse(longLived, context);
        assertEquals(3, cache.verifications(), "the long-lived token is still remembered");

        cache.parse(token("fourth", now + 3600), context);
        assertEquals(1, cache.size(), "full of live tokens: emptied, then the new one kept");
    }

    private VerifiedTokenCache cache(int maxTokens) {
        return new VerifiedTokenCache(new DefaultJWTCallerPrincipalFactory(), clock::get, maxTokens);
    }

    private static String token(String subject, long exp) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(exp));
        claims.setStringListClaim("groups", "viewer");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEYS.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    /** One character in the middle of the signature changed (the last one may only hold padding bits). */
    private static String withAlteredSignature(String token) {
        int at = token.lastIndexOf('.') + 20;
        char altered = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + altered + token.substring(at + 1);
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
