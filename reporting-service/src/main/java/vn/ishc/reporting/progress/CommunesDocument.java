package vn.ishc.reporting.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A district's communes and their active clubs on a date: the drill-down below the district figures. */
@Schema(name = "DistrictCommunes", example = """
        {"asOf": "2019-06-30", "district": {"code": "164", "name": "Thành phố Thái Nguyên"},
         "communes": [{"code": "05437", "name": "Phường Túc Duyên", "clubsActive": 1, "membersActive": 52,
                       "clubs": [{"id": "4ce78d5b-c381-4ef3-a1a9-08d9936622b1", "name": "CLB Liên thế hệ tự giúp nhau Tổ 7",
                                  "establishedOn": "2018-03-15", "members": 52, "older": 33, "women": 34}]}]}""")
public record CommunesDocument(@Schema(required = true) LocalDate asOf, @Schema(required = true) AreaRef district,
                               @Schema(required = true) List<Commune> communes) {

    @Schema(name = "AreaRef")
    public record AreaRef(@Schema(required = true) String code, @Schema(description = "Its name once registry has announced it") String name) {
    }

    @Schema(name = "CommuneClubs")
    public record Commune(@Schema(required = true) String code,
                          @Schema(description = "Its name on the date; absent for a commune that is no longer in force") String name,
                          @Schema(required = true) long clubsActive,
                          @Schema(description = "Active members of its active clubs; for a viewer, left out (null) when 1 to 4")
                          Long membersActive,
                          @Schema(required = true) List<Club> clubs) {
    }

    @Schema(name = "CommuneClub", description = "An active club; for a viewer, counts of 1 to 4 people are left out (null)")
    public record Club(@Schema(required = true) UUID id, @Schema(required = true) String name,
                       @Schema(required = true) LocalDate establishedOn, Long members, Long older, Long women) {
    }
}
