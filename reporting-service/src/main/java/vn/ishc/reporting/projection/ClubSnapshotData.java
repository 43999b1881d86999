package vn.ishc.reporting.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * reporting's own copy of registry's club snapshot (schema registry-service club-snapshot.v1),
 * holding only what progress needs. A contract test keeps it in step with registry's schema.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClubSnapshotData(Club club, List<Member> members) {

    /**
     * districtCode is null for a club registered after the 2025 reform. placements (absent in events
     * from before decision 0013) say where the club sits on each day from its establishment.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Club(UUID id, String name, String communeCode, String districtCode, String provinceCode,
                       LocalDate establishedOn, LocalDate closedOn, String status, List<Placement> placements,
                       Boolean awaitingSuccessor, List<String> successorCandidates) {
    }

    /** From (inclusive) until (exclusive, null = still); no commune: awaiting a successor decision, counted at province level. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Placement(LocalDate from, LocalDate until, String communeCode, String districtCode, String provinceCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(UUID memberId, String gender, LocalDate birthDate, Integer birthYear, String householdStatus,
                         LocalDate joinedOn, LocalDate leftOn) {
    }
}
