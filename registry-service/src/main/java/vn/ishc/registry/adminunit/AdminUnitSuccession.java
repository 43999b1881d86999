package vn.ishc.registry.adminunit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One unit taking over (all or part of) another's territory when the other's period ended. Loaded
 * by migrations from the official mapping; never edited by the API.
 */
@Entity
@Table(name = "admin_unit_succession")
public class AdminUnitSuccession {

    @Embeddable
    public record Key(@Column(name = "code") String code, @Column(name = "ended_on") LocalDate endedOn,
                      @Column(name = "successor_code") String successorCode) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** False when the old unit was split and only part of it went to this successor. */
    @Column(nullable = false)
    public boolean whole;
}
