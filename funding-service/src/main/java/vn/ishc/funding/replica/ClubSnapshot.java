package vn.ishc.funding.replica;

import vn.ishc.kit.events.IncomingEvent;
import vn.ishc.kit.events.UnreadableRecordException;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static vn.ishc.funding.replica.SnapshotFields.CODE;
import static vn.ishc.funding.replica.SnapshotFields.WORD;
import static vn.ishc.funding.replica.SnapshotFields.date;
import static vn.ishc.funding.replica.SnapshotFields.fits;
import static vn.ishc.funding.replica.SnapshotFields.text;

/**
 * What funding keeps of a club snapshot (schema club-snapshot.v1). A club registered after the 2025
 * reform has no district (decision 0013): its commune and its placements say where it sits on each
 * day. A snapshot without placements (from before them) is read as one placement from the
 * establishment, in the club's commune and district.
 */
public record ClubSnapshot(UUID id, String districtCode, String communeCode, LocalDate establishedOn, LocalDate closedOn, String status,
                           boolean awaitingSuccessor, List<Placement> placements) {

    public record Placement(LocalDate from, LocalDate until, String communeCode, String districtCode, String provinceCode) {
    }

    /**
     * Reads the event's club; throws {@link UnreadableRecordException} when it lacks the club, its id,
     * its establishment or a placement's start, or holds a value the replica cannot.
     */
    public static ClubSnapshot read(IncomingEvent event) {
        JsonNode club = event.data().path("club");
        if (!club.isObject() || !event.aggregateId().equals(club.path("id").asText()) || !club.hasNonNull("establishedOn")) {
            throw new UnreadableRecordException("club snapshot without club or establishment date");
        }
        UUID id;
        try {
            id = UUID.fromString(event.aggregateId());
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException("club id is not a UUID", e);
        }
        List<Placement> placements = placements(event.data().path("placements").isArray() ? event.data().path("placements")
                : club.path("placements"), club);
        boolean awaiting = club.path("awaitingSuccessor").asBoolean(event.data().path("awaitingSuccessor").asBoolean(false));
        return new ClubSnapshot(id, text(club.get("districtCode"), "district code", CODE),
                text(club.get("communeCode"), "commune code", CODE), date(club.get("establishedOn")), date(club.get("closedOn")),
                fits(club.path("status").asText("ACTIVE"), "status", WORD), awaiting, placements);
    }

    private static List<Placement> placements(JsonNode given, JsonNode club) {
        List<Placement> placements = new ArrayList<>();
        for (JsonNode p : given) {
            if (!p.hasNonNull("from")) {
                throw new UnreadableRecordException("club placement without a start");
            }
            placements.add(new Placement(date(p.get("from")), date(p.get("until")), text(p.get("communeCode"), "commune code", CODE),
                    text(p.get("districtCode"), "district code", CODE), text(p.get("provinceCode"), "province code", CODE)));
        }
        if (placements.isEmpty()) {
            placements.add(new Placement(date(club.get("establishedOn")), null, text(club.get("communeCode"), "commune code", CODE),
                    text(club.get("districtCode"), "district code", CODE), text(club.get("provinceCode"), "province code", CODE)));
        }
        return placements;
    }
}
