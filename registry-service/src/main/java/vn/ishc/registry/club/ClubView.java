package vn.ishc.registry.club;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A club as the API returns it (DESIGN.md, core resources). */
@Schema(name = "Club", example = """
        {"id": "4ce78d5b-c381-4ef3-a1a9-08d9936622b1", "name": "CLB Liên thế hệ tự giúp nhau phường Túc Duyên",
         "communeCode": "05437", "districtCode": "164", "provinceCode": "19", "hamlet": "Tổ 5",
         "establishedOn": "2018-03-15", "closedOn": null, "status": "ACTIVE", "version": 3}""")
public record ClubView(UUID id, String name, String communeCode, String districtCode, String provinceCode, String hamlet,
                       LocalDate establishedOn, LocalDate closedOn, ClubStatus status, long version) {

    public static ClubView of(Club club) {
        return new ClubView(club.id, club.name, club.communeCode, club.districtCode, club.provinceCode, club.hamlet,
                club.establishedOn, club.closedOn, club.status, club.version);
    }
}
