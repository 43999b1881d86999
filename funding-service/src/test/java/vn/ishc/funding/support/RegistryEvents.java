package vn.ishc.funding.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** Builds events shaped as registry publishes them (schemas club-snapshot.v1, admin-unit-snapshot.v1). */
public final class RegistryEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryEvents() {
    }

    public static ObjectNode envelope(UUID eventId, String type, String aggregateId, long version, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", eventId.toString());
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        event.put("aggregateId", aggregateId);
        event.put("aggregateVersion", version);
        event.put("schemaVersion", 1);
        event.set("data", data);
        return event;
    }

    public static ObjectNode adminUnit(String code, String name, String fullName, String level, String unitType, String parent) {
        ObjectNode data = JSON.createObjectNode();
        data.put("code", code);
        ObjectNode period = data.putArray("periods").addObject();
        period.put("code", code);
        period.put("name", name);
        period.put("fullName", fullName);
        period.put("level", level);
        period.put("unitType", unitType);
        period.put("parentCode", parent);
        period.putNull("validFrom");
        period.putNull("validTo");
        return envelope(UUID.randomUUID(), "AdminUnitSnapshot", code, 1, data);
    }

    /** A club snapshot without members; add them with {@link #member}. */
    public static ObjectNode club(UUID clubId, long version, String district, String commune, String establishedOn, String closedOn) {
        ObjectNode data = JSON.createObjectNode();
        ObjectNode club = data.putObject("club");
        club.put("id", clubId.toString());
        club.put("name", "CLB Liên thế hệ thử nghiệm");
        club.put("communeCode", commune);
        club.put("districtCode", district);
        club.put("provinceCode", "19");
        club.putNull("hamlet");
        club.put("establishedOn", establishedOn);
        if (closedOn == null) {
            club.putNull("closedOn");
        } else {
            club.put("closedOn", closedOn);
        }
        club.put("status", closedOn == null ? "ACTIVE" : "CLOSED");
        club.put("version", version);
        data.putArray("members");
        return envelope(UUID.randomUUID(), "ClubSnapshot", clubId.toString(), version, data);
    }

    public static ObjectNode member(ObjectNode clubEvent, String gender, String birthDate, Integer birthYear, String household,
                                    String joinedOn, String leftOn) {
        ArrayNode members = (ArrayNode) clubEvent.at("/data/members");
        ObjectNode member = members.addObject();
        member.put("memberId", UUID.randomUUID().toString());
        member.put("gender", gender);
        if (birthDate == null) {
            member.putNull("birthDate");
        } else {
            member.put("birthDate", birthDate);
        }
        if (birthYear == null) {
            member.putNull("birthYear");
        } else {
            member.put("birthYear", birthYear);
        }
        member.put("householdStatus", household);
        member.put("joinedOn", joinedOn);
        if (leftOn == null) {
            member.putNull("leftOn");
        } else {
            member.put("leftOn", leftOn);
        }
        return clubEvent;
    }
}
