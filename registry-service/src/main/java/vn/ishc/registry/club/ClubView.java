package vn.ishc.registry.club;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A club as the API returns it (DESIGN.md, core resources). */
@Schema(name = "Club", example = """
        {"id": "4ce78d5b-c381-4ef3-a1a9-08d9936622b1", "name": "CLB Liên thế hệ tự giúp nhau phường Túc Duyên",
         "communeCode": "05437", "districtCode": "164", "provinceCode": "19", "hamlet": "Tổ 5",
         "establishedOn": "2018-03-15", "closedOn": null, "status": "ACTIVE", "version": 3,
         "placements": [{"from": "2018-03-15", "until": "2025-07-01", "communeCode": "05437", "districtCode": "164", "provinceCode": "19"},
                        {"from": "2025-07-01", "until": null, "communeCode": "05443", "districtCode": null, "provinceCode": "19"}],
         "awaitingSuccessor": false, "successorCandidates": []}""")
public record ClubView(UUID id, String name,
                       @Schema(description = "The commune the club was registered in; kept across mergers (see placements)") String communeCode,
                       @Schema(nullable = true, description = "The district of that commune; null for a club registered after the 2025 reform")
                       String districtCode, String provinceCode, String hamlet,
                       LocalDate establishedOn, LocalDate closedOn, ClubStatus status, long version,
                       @Schema(description = "Where the club sits on each day from its establishment, following mergers and the 2025 reform")
                       List<ClubPlacement> placements,
                       @Schema(description = "True while its commune was split and no successor has been chosen (it counts at province level)")
                       boolean awaitingSuccessor,
                       @Schema(description = "The communes one of which must be chosen while awaitingSuccessor")
                       List<String> successorCandidates) {

    public static ClubView of(Club club) {
        return new ClubView(club.id, club.name, club.communeCode, club.districtCode, club.provinceCode, club.hamlet,
                club.establishedOn, club.closedOn, club.status, club.version, List.copyOf(club.placements),
                !club.candidates().isEmpty(), club.candidates());
    }
}
