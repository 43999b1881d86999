package vn.ishc.funding.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The first answer to a POST made with an Idempotency-Key, kept to answer its retries. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {

    public record Key(String actor, String operation, String idempotencyKey) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    public String actor;

    @Id
    public String operation;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "resource_id", nullable = false)
    public UUID resourceId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
