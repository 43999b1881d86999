package vn.ishc.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.time.VietnamClock;

import java.util.UUID;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits,
 * and then surely: the relay is woken at the commit and keeps retrying until Kafka acknowledges it.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    VietnamClock clock;

    @Inject
    Event<Written> written;

    /** Fired in the writing transaction; the relay hears of it once that transaction has committed. */
    public record Written(String topic) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope record(String topic, String type, int schemaVersion, String aggregateId, long aggregateVersion, Object data) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, clock.now(), aggregateId, aggregateVersion, schemaVersion, data);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.recordKey = aggregateId;
        row.createdAt = envelope.occurredAt();
        try {
            row.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialised", e);
        }
        row.persist();
        written.fire(new Written(topic));
        return envelope;
    }
}
