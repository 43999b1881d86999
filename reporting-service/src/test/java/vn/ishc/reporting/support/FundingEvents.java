package vn.ishc.reporting.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** Builds events shaped as funding publishes them (schemas contribution-snapshot.v1, pledge-snapshot.v1). */
public final class FundingEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FundingEvents() {
    }

    public static ObjectNode contribution(UUID id, long version, String district, long amountVnd, String receivedOn, UUID pledgeId,
                                          String reversedOn) {
        ObjectNode data = JSON.createObjectNode();
        data.put("donorType", "BUSINESS");
        ObjectNode c = data.putObject("contribution");
        c.put("id", id.toString());
        c.put("donorId", UUID.randomUUID().toString());
        c.put("form", "CASH");
        c.put("amountVnd", amountVnd);
        c.putNull("valuationNote");
        c.put("receivedOn", receivedOn);
        putNullable(c, "districtCode", district);
        c.putNull("clubId");
        putNullable(c, "pledgeId", pledgeId == null ? null : pledgeId.toString());
        c.putNull("purpose");
        c.putNull("receiptNo");
        c.put("status", reversedOn == null ? "RECORDED" : "REVERSED");
        putNullable(c, "reversedOn", reversedOn);
        c.put("version", version);
        return RegistryEvents.envelope(UUID.randomUUID(), "ContributionSnapshot", id.toString(), version, data);
    }

    /** A contribution recorded to a commune directly under the province (dates from the 2025 reform, decision 0013). */
    public static ObjectNode contributionToCommune(UUID id, long version, String commune, long amountVnd, String receivedOn) {
        ObjectNode event = contribution(id, version, null, amountVnd, receivedOn, null, null);
        ((ObjectNode) event.at("/data/contribution")).put("communeCode", commune);
        return event;
    }

    public static ObjectNode pledge(UUID id, long version, String district, long amountVnd, String pledgedOn, String cancelledOn) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", id.toString());
        data.put("donorId", UUID.randomUUID().toString());
        data.put("donorType", "BUSINESS");
        data.put("amountVnd", amountVnd);
        data.put("pledgedOn", pledgedOn);
        data.putNull("dueOn");
        putNullable(data, "districtCode", district);
        data.putNull("clubId");
        putNullable(data, "cancelledOn", cancelledOn);
        data.put("version", version);
        return RegistryEvents.envelope(UUID.randomUUID(), "PledgeSnapshot", id.toString(), version, data);
    }

    private static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
