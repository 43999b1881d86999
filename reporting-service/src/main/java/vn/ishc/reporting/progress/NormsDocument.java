package vn.ishc.reporting.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** How many active clubs meet the club norms on a date, for the province and each district. */
@Schema(name = "ClubNormsDocument", example = """
        {"asOf": "2019-06-30",
         "province": {"code": "19", "name": "Thái Nguyên", "clubs": 120, "size": 41, "women": 66, "older": 58, "all": 22},
         "districts": [{"code": "164", "name": "Thành phố Thái Nguyên", "clubs": 30, "size": 12, "women": 17, "older": 15, "all": 6}],
         "areas": [{"code": "164", "name": "Thành phố Thái Nguyên", "clubs": 30, "size": 12, "women": 17, "older": 15, "all": 6}]}""")
public record NormsDocument(@Schema(required = true) LocalDate asOf, @Schema(required = true) Area province,
                            @Schema(required = true, description = "The districts in force on asOf; empty from 2025-07-01 (use areas)")
                            List<Area> districts,
                            @Schema(required = true, description = "The level-neutral view: the areas in force on asOf, the districts "
                                    + "before 2025-07-01 and the communes directly under the province from then on (their level is in "
                                    + "progress's areas). The province also counts the clubs awaiting a successor commune.")
                            List<Area> areas) {

    @Schema(name = "ClubNormsArea")
    public record Area(
            @Schema(required = true) String code,
            @Schema(description = "Its name once registry has announced it") String name,
            @Schema(required = true, description = "Clubs active on the date") long clubs,
            @Schema(required = true, description = "Of them, with 50–70 active members") long size,
            @Schema(required = true, description = "Of them, with 60–70% women among the active members") long women,
            @Schema(required = true, description = "Of them, with 60–70% older people among the active members") long older,
            @Schema(required = true, description = "Of them, meeting all three norms") long all) {
    }
}
