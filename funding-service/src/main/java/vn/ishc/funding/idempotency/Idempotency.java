package vn.ishc.funding.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ishc.funding.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} on POSTs that create money records: a retry with the same key and the
 * same body gets the first result and creates nothing; the same key with another body is refused
 * (422). Keys are per caller and per operation.
 */
@ApplicationScoped
public class Idempotency {

    @Inject
    EntityManager em;

    /**
     * Holds a lock on the key until the transaction ends (so two concurrent retries cannot both
     * create), then returns the resource an identical earlier request created, if any.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> earlierResult(String actor, String operation, String key, String canonicalRequest) {
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "idempotency.key.invalid");
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", actor + "|" + operation + "|" + key).getSingleResult();
        IdempotencyRecord earlier = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(actor, operation, key));
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.requestHash.equals(hash(canonicalRequest))) {
            throw new ProblemException(422, "idempotency-key-reused", "idempotency.key.reused");
        }
        return Optional.of(earlier.resourceId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String actor, String operation, String key, String canonicalRequest, UUID resourceId) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.actor = actor;
        record.operation = operation;
        record.idempotencyKey = key;
        record.requestHash = hash(canonicalRequest);
        record.resourceId = resourceId;
        record.createdAt = Instant.now();
        record.persist();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
