package vn.ishc.reporting.support;

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

    /** One period of a unit, for {@link #adminUnitPeriods}; null dates: open. */
    public static ObjectNode period(String code, String name, String fullName, String level, String unitType, String parent,
                                    String validFrom, String validTo) {
        ObjectNode period = JSON.createObjectNode();
        period.put("code", code);
        period.put("name", name);
        period.put("fullName", fullName);
        period.put("level", level);
        period.put("unitType", unitType);
        period.put("parentCode", parent);
        period.put("validFrom", validFrom);
        period.put("validTo", validTo);
        return period;
    }

    /** Adds a successor to an ended period (decision 0013): the period of {@code code} starting on its validTo took over all or part of it. */
    public static ObjectNode successor(ObjectNode period, String code, boolean whole) {
        ArrayNode successors = period.has("successors") ? (ArrayNode) period.get("successors") : period.putArray("successors");
        successors.addObject().put("code", code).put("whole", whole);
        return period;
    }

    /** A unit with several periods (a reused code, a new parent), as registry announces it after the 2025 reform. */
    public static ObjectNode adminUnitPeriods(String code, long version, ObjectNode... periods) {
        ObjectNode data = JSON.createObjectNode();
        data.put("code", code);
        ArrayNode list = data.putArray("periods");
        for (ObjectNode period : periods) {
            list.add(period);
        }
        return envelope(UUID.randomUUID(), "AdminUnitSnapshot", code, version, data);
    }

    /** Adds a placement to a club snapshot (from inclusive, until exclusive or null; no commune: awaiting a successor). */
    public static ObjectNode placement(ObjectNode clubEvent, String from, String until, String commune, String district, String province) {
        ObjectNode club = (ObjectNode) clubEvent.at("/data/club");
        ArrayNode placements = club.has("placements") ? (ArrayNode) club.get("placements") : club.putArray("placements");
        ObjectNode placement = placements.addObject();
        placement.put("from", from);
        placement.put("until", until);
        placement.put("communeCode", commune);
        placement.put("districtCode", district);
        placement.put("provinceCode", province);
        club.put("awaitingSuccessor", commune == null && until == null);
        return clubEvent;
    }

    /** Marks the club as awaiting a successor decision between the candidate communes. */
    public static ObjectNode awaiting(ObjectNode clubEvent, String... candidates) {
        ObjectNode club = (ObjectNode) clubEvent.at("/data/club");
        club.put("awaitingSuccessor", true);
        ArrayNode list = club.putArray("successorCandidates");
        for (String candidate : candidates) {
            list.add(candidate);
        }
        return clubEvent;
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
