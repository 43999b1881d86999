package vn.ishc.reporting.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** reporting's reading of the platform's event envelope; {@code data} is read per event type. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingEvent(UUID eventId, String type, Instant occurredAt, String aggregateId, Long aggregateVersion,
                            Integer schemaVersion, JsonNode data) {

    /** A record that lacks what every event must have cannot be applied: it is poison. */
    void requireComplete() {
        if (eventId == null || type == null || occurredAt == null || aggregateId == null || aggregateVersion == null
                || schemaVersion == null || data == null || data.isNull()) {
            throw new UnreadableEventException("incomplete envelope");
        }
    }
}
