package vn.ishc.kit.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * A record that remembers who created it and who changed it last, and counts its changes:
 * {@code version} is its ETag and the aggregate version of its events.
 */
@MappedSuperclass
public abstract class Audited extends PanacheEntityBase {

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Marks a new record as version 1, created by {@code actor} at {@code at}. */
    public void created(String actor, Instant at) {
        version = 1;
        createdAt = at;
        createdBy = actor;
        updatedAt = at;
        updatedBy = actor;
    }

    /** Counts one more change, made by {@code actor} at {@code at}. */
    public void changed(String actor, Instant at) {
        version++;
        updatedAt = at;
        updatedBy = actor;
    }
}
