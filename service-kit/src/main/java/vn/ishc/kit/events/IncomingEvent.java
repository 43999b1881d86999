package vn.ishc.kit.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A consumer's reading of the platform's event envelope (the same for every topic); {@code data}
 * is read per event type by the service that consumes it: as a tree ({@link #read(ObjectMapper, String)}),
 * or straight into its type ({@link #read(ObjectMapper, String, Class)}), when {@code data} here is missing.
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

    /** An event read with its data in the consumer's type. */
    public record Typed<T>(IncomingEvent event, T data) {
    }

    /** The envelope with typed data, as Jackson binds it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope<T>(UUID eventId, String type, Instant occurredAt, String aggregateId, Long aggregateVersion, Integer schemaVersion,
                       T data) {
    }

    /**
     * Reads a record's value and its data as {@code dataType} in one pass over the text, where reading
     * a tree first and then the type read everything twice (a third of a replay's CPU went to reading
     * club snapshots so). The same refusals as {@link #read(ObjectMapper, String)}, and data that is
     * not a {@code dataType} is unreadable too. The event's own {@code data} is missing.
     */
    public static <T> Typed<T> read(ObjectMapper json, String value, Class<T> dataType) {
        if (value == null) {
            throw new UnreadableRecordException("empty record");
        }
        JavaType type = json.getTypeFactory().constructParametricType(Envelope.class, dataType);
        Envelope<T> envelope;
        try {
            envelope = json.readValue(value, type);
        } catch (Exception e) {
            throw new UnreadableRecordException("not an event envelope with " + dataType.getSimpleName() + " data", e);
        }
        if (envelope == null || envelope.eventId == null || envelope.type == null || envelope.occurredAt == null || envelope.aggregateId == null
                || envelope.aggregateVersion == null || envelope.schemaVersion == null || envelope.data == null) {
            throw new UnreadableRecordException("incomplete envelope");
        }
        return new Typed<>(new IncomingEvent(envelope.eventId, envelope.type, envelope.occurredAt, envelope.aggregateId,
                envelope.aggregateVersion, envelope.schemaVersion, MissingNode.getInstance()), envelope.data);
    }
}
