package vn.ishc.funding.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change to a donor, contribution or pledge: who, when, what (field: from → to, as JSON). */
@Entity
@Table(name = "change_log")
public class ChangeLogEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String entity;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String changes;

    @Column(nullable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
