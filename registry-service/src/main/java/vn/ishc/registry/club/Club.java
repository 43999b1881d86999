package vn.ishc.registry.club;

import jakarta.persistence.Column;
import vn.ishc.kit.history.Audited;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An Intergenerational Self-Help Club (CLB Liên thế hệ tự giúp nhau). It keeps the commune it was
 * registered in, even if that commune is later merged or renamed. {@code version} counts its
 * changes: it is the ETag and the aggregate version of its snapshot events.
 */
@Entity
@Table(name = "club")
public class Club extends Audited {

    /** How its changes are named in the change log. */
    public static final String HISTORY_ENTITY = "CLUB";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** The name folded for search: lower case, no diacritics. */
    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Column(name = "commune_code", nullable = false)
    public String communeCode;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    public String hamlet;

    @Column(name = "established_on", nullable = false)
    public LocalDate establishedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "closure_reason")
    public String closureReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClubStatus status;
}
