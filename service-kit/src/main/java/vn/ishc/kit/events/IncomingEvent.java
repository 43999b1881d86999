package vn.ishc.kit.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.UUID;

/**
 * A consumer's reading of the platform's event envelope (the same for every topic); {@code data}
 * is read per event type by the service that consumes it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingEvent(UUID eventId, String type, Instant occurredAt, String aggregateId, Long aggregateVersion,
                            Integer schemaVersion, JsonNode data) {

    /**
     * Reads a record's value. An empty record, one that is not an envelope, or one that lacks what
     * every event must have cannot be applied: it is unreadable and goes to the dead-letter topic.
     */
    public static IncomingEvent read(ObjectMapper json, String value) {
        if (value == null) {
            throw new UnreadableRecordException("empty record");
        }
        IncomingEvent event;
        try {
            event = json.readValue(value, IncomingEvent.class);
        } catch (Exception e) {
            throw new UnreadableRecordException("not an event envelope", e);
        }
        if (event == null || event.eventId == null || event.type == null || event.occurredAt == null || event.aggregateId == null
                || event.aggregateVersion == null || event.schemaVersion == null || event.data == null || !event.data.isObject()) {
            throw new UnreadableRecordException("incomplete envelope");
        }
        return event;
    }
}
