package vn.ishc.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.Claims;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Verifies each bearer token once and answers the same token from memory afterwards. Clients send
 * one token with every request: with 32 clients reading the progress, parsing and RSA-verifying the
 * same token again took about 40% of the event loop's CPU.
 * <p>
 * smallrye-jwt takes this bean instead of its own factory (an alternative with priority). Only a
 * byte-identical token (signature included) under the same verification settings is a hit, only
 * successful verifications are kept, and a hit is served only until the moment the verifier itself
 * would refuse the token (its exp plus the allowed clock skew, and the maximum token age when one is
 * configured); from then on it goes to the verifier again, which gives the answer.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {

    /** A province's officers hold a few hundred tokens at once; a kept token is 3–4 KB of heap, so at most a few MB. */
    static final int MAX_TOKENS = 1_000;
    private static final long SWEEP_EVERY_SECONDS = 60;

    private final JWTCallerPrincipalFactory verifier;
    private final LongSupplier epochSeconds;
    private final int maxTokens;
    private final ConcurrentHashMap<Key, Verified> verified = new ConcurrentHashMap<>();
    private final LongAdder verifications = new LongAdder();
    private volatile long nextSweep;

    public VerifiedTokenCache() {
        // The verifier's own clock (jose4j's NumericDate.now()): whole seconds of the system time.
        this(new DefaultJWTCallerPrincipalFactory(), () -> System.currentTimeMillis() / 1000, MAX_TOKENS);
    }

    VerifiedTokenCache(JWTCallerPrincipalFactory verifier, LongSupplier epochSeconds, int maxTokens) {
        this.verifier = verifier;
        this.epochSeconds = epochSeconds;
        this.maxTokens = maxTokens;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        Key key = new Key(token, context);
        Verified hit = verified.get(key);
        if (hit != null) {
            if (epochSeconds.getAsLong() < hit.usableUntil()) {
                return hit.principal();
            }
            verified.remove(key, hit);
        }
        verifications.increment();
        JWTCallerPrincipal principal = verifier.parse(token, context);
        remember(key, principal, context);
        return principal;
    }

    /** How many tokens were parsed and verified (the requests the cache could not answer). */
    public long verifications() {
        return verifications.sum();
    }

    int size() {
        return verified.size();
    }

    private void remember(Key key, JWTCallerPrincipal principal, JWTAuthContextInfo context) {
        if (!principal.containsClaim(Claims.exp.name())) {
            return;
        }
        long now = epochSeconds.getAsLong();
        long until = usableUntil(principal, context);
        if (until <= now) {
            return;
        }
        if (now >= nextSweep || verified.size() >= maxTokens) {
            nextSweep = now + SWEEP_EVERY_SECONDS;
            verified.values().removeIf(entry -> entry.usableUntil() <= now);
            if (verified.size() >= maxTokens) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(principal, until));
    }

    /**
     * The first second at which the verifier refuses the token, as DefaultJWTTokenParser decides:
     * expired when now - skew >= exp, the skew being the expiration grace if set, else the clock
     * skew; too old when now - iat > the token age. The grace is deprecated but still honoured.
     */
    @SuppressWarnings("deprecation")
    static long usableUntil(JWTCallerPrincipal token, JWTAuthContextInfo context) {
        int grace = context.getExpGracePeriodSecs();
        long skew = grace > 0 ? grace : Math.max(context.getClockSkew(), 0);
        long until = token.getExpirationTime() + skew;
        Long tokenAge = context.getTokenAge();
        if (tokenAge != null) {
            until = token.containsClaim(Claims.iat.name()) ? Math.min(until, token.getIssuedAtTime() + tokenAge + 1) : Long.MIN_VALUE;
        }
        return until;
    }

    /** The token text and the settings it was verified under (by identity: smallrye-jwt keeps one per parser). */
    private record Key(String token, JWTAuthContextInfo context) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.context == context && key.token.equals(token);
        }

        @Override
        public int hashCode() {
            return 31 * token.hashCode() + System.identityHashCode(context);
        }
    }

    private record Verified(JWTCallerPrincipal principal, long usableUntil) {
    }
}
