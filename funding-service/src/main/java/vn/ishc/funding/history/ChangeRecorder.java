package vn.ishc.funding.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Writes the history of donors, contributions and pledges, in the transaction of the change itself. */
@ApplicationScoped
public class ChangeRecorder {

    public static final String CONTRIBUTION = "CONTRIBUTION";
    public static final String PLEDGE = "PLEDGE";
    public static final String DONOR = "DONOR";

    @Inject
    ObjectMapper json;

    /** A field's value before and after a change. */
    public record Change(Object from, Object to) {
    }

    /** Collects the fields that really changed. */
    public static final class Changes {
        private final Map<String, Change> fields = new LinkedHashMap<>();

        public Changes field(String name, Object from, Object to) {
            if (!Objects.equals(from, to)) {
                fields.put(name, new Change(from, to));
            }
            return this;
        }

        public boolean isEmpty() {
            return fields.isEmpty();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entity, UUID entityId, String action, Changes changes, String actor, Instant at) {
        ChangeLogEntry entry = new ChangeLogEntry();
        entry.entity = entity;
        entry.entityId = entityId;
        entry.action = action;
        entry.actor = actor;
        entry.occurredAt = at;
        try {
            entry.changes = json.writeValueAsString(changes.fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entry.persist();
    }
}
