package vn.ishc.funding.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ishc.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POSTs that create money records: a retry with the same key and the
 * same body gets the first result and creates nothing; the same key with another body is refused
 * (422). Keys are per caller and per operation.
 */
@ApplicationScoped
public class Idempotency {

    private static final int PLAIN_SCALE_LIMIT = 64;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** What a create-once call gave: the record, and whether it was created now (false: a retry got the first one). */
    public record Result<T>(T value, boolean created) {
    }

    /**
     * Creates a record once per Idempotency-Key: without a key, or on the key's first use, runs
     * {@code create} and remembers what it made; on a retry with the same request, loads and returns
     * that first record instead; with a different request, answers 422.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Result<T> once(String actor, String operation, String key, Object request, Function<UUID, T> load,
                              Supplier<T> create, Function<T, UUID> idOf) {
        if (key == null) {
            return new Result<>(create.get(), true);
        }
        String canonical = canonical(request);
        Optional<UUID> earlier = earlierResult(actor, operation, key, canonical);
        if (earlier.isPresent()) {
            return new Result<>(load.apply(earlier.get()), false);
        }
        T created = create.get();
        remember(actor, operation, key, canonical, idOf.apply(created));
        return new Result<>(created, true);
    }

    /** The request as compared between a key's first use and its retries: numbers by value (5000000 = 5E+6). */
    private String canonical(Object request) {
        return normalise(json.valueToTree(request)).toString();
    }

    private static JsonNode normalise(JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> field.setValue(normalise(field.getValue())));
        } else if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            // toPlainString of 1e999999999 would write a billion digits: such an amount is refused
            // later anyway, so compare it in scientific form.
            return TextNode.valueOf(Math.abs(value.scale()) > PLAIN_SCALE_LIMIT ? value.toString() : value.toPlainString());
        }
        return node;
    }

    /**
     * Holds a lock on the key until the transaction ends (so two concurrent retries cannot both
     * create), then returns the resource an identical earlier request created, if any.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<UUID> earlierResult(String actor, String operation, String key, String canonicalRequest) {
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
    void remember(String actor, String operation, String key, String canonicalRequest, UUID resourceId) {
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
