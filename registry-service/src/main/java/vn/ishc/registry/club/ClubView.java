package vn.ishc.registry.club;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A club as the API returns it (DESIGN.md, core resources). */
@Schema(name = "Club")
public record ClubView(UUID id, String name, String communeCode, String districtCode, String provinceCode, String hamlet,
                       LocalDate establishedOn, LocalDate closedOn, ClubStatus status, long version) {

    public static ClubView of(Club club) {
        return new ClubView(club.id, club.name, club.communeCode, club.districtCode, club.provinceCode, club.hamlet,
                club.establishedOn, club.closedOn, club.status, club.version);
    }
}
