package vn.ishc.registry.adminunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * One period of an administrative unit: its name, type and parent between validFrom (inclusive)
 * and validTo (exclusive). Loaded by migrations from the official lists; never edited by the API.
 */
@Entity
@Table(name = "admin_unit")
public class AdminUnit extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdminUnitLevel level;

    @Column(name = "unit_type", nullable = false)
    public String unitType;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
    }
}
