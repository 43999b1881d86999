package vn.ishc.funding.replica;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** funding's reading of the platform's event envelope; {@code data} is read per event type. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingEvent(UUID eventId, String type, Instant occurredAt, String aggregateId, Long aggregateVersion,
                            Integer schemaVersion, JsonNode data) {

    boolean complete() {
        return eventId != null && type != null && aggregateId != null && aggregateVersion != null && data != null && data.isObject();
    }
}
