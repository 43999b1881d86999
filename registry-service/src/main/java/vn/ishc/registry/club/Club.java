package vn.ishc.registry.club;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import org.hibernate.annotations.SQLOrder;
import java.util.ArrayList;
import java.util.List;
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

    /** The district of {@link #communeCode} on the establishment date; null for a club registered after the 2025 reform. */
    @Column(name = "district_code")
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

    /** The successor chosen for the club when its commune was split (decision 0013). */
    @Column(name = "successor_commune_code")
    public String successorCommuneCode;

    /** While the club awaits that choice: the candidate communes, comma-separated. */
    @Column(name = "successor_candidates")
    public String successorCandidates;

    /** Where the club sits on each day from its establishment; kept by {@link ClubPlacements}, never set by the API. */
    @ElementCollection
    @CollectionTable(name = "club_placement", joinColumns = @JoinColumn(name = "club_id"))
    @SQLOrder("valid_from")
    public List<ClubPlacement> placements = new ArrayList<>();

    /**
     * Replaces the placements and candidates when they differ.
     *
     * @return whether anything changed
     */
    public boolean place(ClubPlacements.Result result) {
        String candidates = result.candidates().isEmpty() ? null : String.join(",", result.candidates());
        if (placements.equals(result.placements()) && java.util.Objects.equals(candidates, successorCandidates)) {
            return false;
        }
        placements.clear();
        placements.addAll(result.placements());
        successorCandidates = candidates;
        return true;
    }

    /** The placement holding on a day, if the club existed then. */
    public java.util.Optional<ClubPlacement> placementOn(LocalDate day) {
        return placements.stream().filter(p -> p.holdsOn(day)).findFirst();
    }

    public List<String> candidates() {
        return successorCandidates == null ? List.of() : List.of(successorCandidates.split(","));
    }
}
