package vn.ishc.kit.history;

import vn.ishc.kit.time.SqlTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes who changed what and when into the service's {@code change_log} table, in the
 * transaction of the change itself, and reads it back. A change belongs to a scope (a club for
 * its members' changes, or the record itself), so one call reads a club's whole history.
 */
@ApplicationScoped
public class ChangeRecorder {

    @Inject
    EntityManager entities;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID scopeId, String entity, UUID entityId, String action, Changes changes, String actor, Instant at) {
        String fields = fieldsOf(changes);
        entities.createNativeQuery("""
                        insert into change_log (scope_id, entity, entity_id, action, changes, actor, occurred_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, scopeId).setParameter(2, entity).setParameter(3, entityId).setParameter(4, action)
                .setParameter(5, fields).setParameter(6, actor).setParameter(7, Timestamp.from(at))
                .executeUpdate();
    }

    /** One change to record: see {@link #record}. */
    public record Entry(UUID scopeId, String entity, UUID entityId, String action, Changes changes) {
    }

    /**
     * Records many changes by one actor at once, in one batch of statements: an import adds a
     * club's sixty members with one round trip instead of sixty.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Entry> entries, String actor, Instant at) {
        if (entries.isEmpty()) {
            return;
        }
        entities.flush();
        entities.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    insert into change_log (scope_id, entity, entity_id, action, changes, actor, occurred_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (Entry entry : entries) {
                    insert.setObject(1, entry.scopeId());
                    insert.setString(2, entry.entity());
                    insert.setObject(3, entry.entityId());
                    insert.setString(4, entry.action());
                    insert.setString(5, fieldsOf(entry.changes()));
                    insert.setString(6, actor);
                    insert.setTimestamp(7, Timestamp.from(at));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private String fieldsOf(Changes changes) {
        try {
            return json.writeValueAsString(changes.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every change recorded under the scope, oldest first. */
    public List<HistoryEntry> historyOf(UUID scopeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                        select occurred_at, actor, entity, entity_id, action, changes from change_log
                        where scope_id = ?1 order by id""")
                .setParameter(1, scopeId).getResultList();
        return rows.stream().map(this::entry).toList();
    }

    private HistoryEntry entry(Object[] row) {
        return new HistoryEntry(SqlTime.instant(row[0]), (String) row[1], (String) row[2], (UUID) row[3], (String) row[4], tree((String) row[5]));
    }

    private JsonNode tree(String changes) {
        try {
            return json.readTree(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
