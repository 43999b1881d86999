package vn.ishc.kit.imports.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import vn.ishc.kit.time.SqlTime;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The import_job and import_row tables, in plain SQL: rows are written and read in batches of
 * hundreds, and the kit keeps no entity so that a service without imports needs no such tables.
 * Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ImportJobStore {

    public record Job(UUID id, String kind, String fileName, String district, String createdBy, Instant createdAt,
                      ImportStatus status, CommitMode mode, JsonNode columns, JsonNode problem, Instant finishedAt, int version,
                      JsonNode plan, JsonNode result) {
    }

    /** A row as checked in the dry run, ready to be stored. */
    public record CheckedRecord(int row, String group, String data, String errors, String actions) {
    }

    public record Counts(long read, long invalid, long written, long failed) {
    }

    public record StoredError(int row, RowError error) {
    }

    @Inject
    EntityManager entities;

    @Inject
    ObjectMapper json;

    public void create(Job job) {
        entities.createNativeQuery("""
                        insert into import_job (id, kind, file_name, district_code, created_by, created_at, status, lease_until)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, job.id()).setParameter(2, job.kind()).setParameter(3, job.fileName()).setParameter(4, job.district())
                .setParameter(5, job.createdBy()).setParameter(6, Timestamp.from(job.createdAt())).setParameter(7, job.status().name())
                .setParameter(8, Timestamp.from(job.createdAt().plusSeconds(ImportJobs.LEASE_SECONDS)))
                .executeUpdate();
    }

    public Optional<Job> find(UUID id, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                        select id, kind, file_name, district_code, created_by, created_at, status, commit_mode, cast(columns as text),
                               cast(problem as text), finished_at, version, cast(plan as text), cast(result as text)
                        from import_job where id = ?1""" + (forUpdate ? " for update" : ""))
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(this::job);
    }

    /** The newest jobs, of one district or (null) of all. */
    public List<Job> recent(String district, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                        select id, kind, file_name, district_code, created_by, created_at, status, commit_mode, cast(columns as text),
                               cast(problem as text), finished_at, version, cast(plan as text), cast(result as text)
                        from import_job where (cast(?1 as text) is null or district_code = ?1) order by created_at desc limit ?2""")
                .setParameter(1, district).setParameter(2, limit).getResultList();
        return rows.stream().map(this::job).toList();
    }

    private Job job(Object[] r) {
        return new Job((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], SqlTime.instant(r[5]),
                ImportStatus.valueOf((String) r[6]), r[7] == null ? null : CommitMode.valueOf((String) r[7]), tree((String) r[8]),
                tree((String) r[9]), r[10] == null ? null : SqlTime.instant(r[10]), ((Number) r[11]).intValue(), tree((String) r[12]),
                tree((String) r[13]));
    }

    public void setColumns(UUID id, Object columns) {
        entities.createNativeQuery("update import_job set columns = cast(?2 as jsonb) where id = ?1")
                .setParameter(1, id).setParameter(2, write(columns)).executeUpdate();
    }

    /** Moves the job on; a finished job (READY, REFUSED, COMMITTED, FAILED) holds no lease. */
    public void setStatus(UUID id, ImportStatus status, Object problem, Instant now) {
        boolean finished = status != ImportStatus.VALIDATING && status != ImportStatus.COMMITTING;
        entities.createNativeQuery("""
                        update import_job set status = ?2, problem = cast(?3 as jsonb), version = version + 1,
                               finished_at = ?4, lease_until = ?5 where id = ?1""")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, problem == null ? null : write(problem))
                .setParameter(4, finished ? Timestamp.from(now) : null)
                .setParameter(5, finished ? null : Timestamp.from(now.plusSeconds(ImportJobs.LEASE_SECONDS)))
                .executeUpdate();
    }

    public void startCommit(UUID id, CommitMode mode, Instant now) {
        entities.createNativeQuery("""
                        update import_job set status = 'COMMITTING', commit_mode = ?2, problem = null, finished_at = null,
                               version = version + 1, lease_until = ?3 where id = ?1""")
                .setParameter(1, id).setParameter(2, mode.name()).setParameter(3, Timestamp.from(now.plusSeconds(ImportJobs.LEASE_SECONDS)))
                .executeUpdate();
    }

    /** Keeps the job this replica works on from being taken over. */
    public void renewLease(UUID id, Instant now) {
        entities.createNativeQuery("update import_job set lease_until = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(now.plusSeconds(ImportJobs.LEASE_SECONDS))).executeUpdate();
    }

    /** Jobs in the status whose worker stopped renewing its lease (its replica stopped or died). */
    public List<UUID> abandoned(ImportStatus status, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entities.createNativeQuery("select id from import_job where status = ?1 and lease_until < ?2 for update skip locked")
                .setParameter(1, status.name()).setParameter(2, Timestamp.from(now)).getResultList();
        return ids;
    }

    /** Forgets finished jobs (and their rows, which hold personal data) that ended before the instant. */
    public int purgeFinishedBefore(Instant before) {
        return entities.createNativeQuery("""
                        delete from import_job where status in ('READY', 'REFUSED', 'COMMITTED', 'FAILED')
                        and coalesce(finished_at, created_at) < ?1""")
                .setParameter(1, Timestamp.from(before)).executeUpdate();
    }

    public void delete(UUID id) {
        entities.createNativeQuery("delete from import_job where id = ?1").setParameter(1, id).executeUpdate();
    }

    public void deleteRows(UUID id) {
        entities.createNativeQuery("delete from import_row where job_id = ?1").setParameter(1, id).executeUpdate();
    }

    public void insertRows(UUID id, List<CheckedRecord> rows) {
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into import_row (job_id, row_no, grp, data, errors, actions)
                    values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb))""")) {
                for (CheckedRecord row : rows) {
                    insert.setObject(1, id);
                    insert.setInt(2, row.row());
                    insert.setString(3, row.group());
                    insert.setString(4, row.data());
                    setJson(insert, 5, row.errors());
                    setJson(insert, 6, row.actions());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public Counts counts(UUID id) {
        Object[] r = (Object[]) entities.createNativeQuery("""
                        select count(*), count(errors), count(*) filter (where written), count(write_errors)
                        from import_row where job_id = ?1""")
                .setParameter(1, id).getSingleResult();
        return new Counts(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue());
    }

    /**
     * Keeps what the valid rows would do (once checked) or did (once written) on the job, so that
     * following a finished job does not count its rows again.
     */
    public void keepTally(UUID id, boolean outcome) {
        entities.createNativeQuery("update import_job set " + (outcome ? "result" : "plan") + " = cast(?2 as jsonb) where id = ?1")
                .setParameter(1, id).setParameter(2, write(tally(id, outcome))).executeUpdate();
    }

    /** How many rows would do (actions) or did (outcome) what, per record kind: {"members": {"CREATE": 12}}. */
    public Map<String, Map<String, Long>> tally(UUID id, boolean outcome) {
        String column = outcome ? "outcome" : "actions";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("select a.key, a.value, count(*) from import_row r, jsonb_each_text(r." + column + ") a "
                        + "where r.job_id = ?1" + (outcome ? "" : " and r.errors is null") + " group by a.key, a.value order by a.key, a.value")
                .setParameter(1, id).getResultList();
        Map<String, Map<String, Long>> tally = new LinkedHashMap<>();
        for (Object[] r : rows) {
            tally.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return tally;
    }

    /** Every error of the dry run and of the commit, in row order. */
    public List<StoredError> errors(UUID id, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                        select r.row_no, cast(e.value as text) from import_row r,
                               jsonb_array_elements(coalesce(r.errors, '[]'::jsonb) || coalesce(r.write_errors, '[]'::jsonb)) with ordinality e
                        where r.job_id = ?1 and (r.errors is not null or r.write_errors is not null)
                        order by r.row_no, e.ordinality offset ?2 limit ?3""")
                .setParameter(1, id).setParameter(2, offset).setParameter(3, limit).getResultList();
        List<StoredError> errors = new ArrayList<>();
        for (Object[] r : rows) {
            errors.add(new StoredError(((Number) r[0]).intValue(), readError((String) r[1])));
        }
        return errors;
    }

    public long errorCount(UUID id) {
        return ((Number) entities.createNativeQuery("""
                        select coalesce(sum(jsonb_array_length(coalesce(errors, '[]'::jsonb)) + jsonb_array_length(coalesce(write_errors, '[]'::jsonb))), 0)
                        from import_row where job_id = ?1 and (errors is not null or write_errors is not null)""")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    /** The next groups with rows to write, in the order the file first mentions them. */
    public List<String> pendingGroups(UUID id, int limit) {
        @SuppressWarnings("unchecked")
        List<String> groups = entities.createNativeQuery("""
                        select grp from import_row where job_id = ?1 and errors is null and not written and write_errors is null
                        group by grp order by min(row_no) limit ?2""")
                .setParameter(1, id).setParameter(2, limit).getResultList();
        return groups;
    }

    public List<ImportKind.StagedRow> pendingRows(UUID id, List<String> groups) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                        select row_no, grp, cast(data as text) from import_row
                        where job_id = ?1 and grp = any(?2) and errors is null and not written and write_errors is null order by row_no""")
                .setParameter(1, id).setParameter(2, groups.toArray(String[]::new)).getResultList();
        return rows.stream().map(r -> new ImportKind.StagedRow(((Number) r[0]).intValue(), (String) r[1], tree((String) r[2]))).toList();
    }

    public void recordOutcomes(UUID id, List<ImportKind.RowOutcome> outcomes) {
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update import_row set written = ?, outcome = cast(? as jsonb), write_errors = cast(? as jsonb)
                    where job_id = ? and row_no = ?""")) {
                for (ImportKind.RowOutcome outcome : outcomes) {
                    boolean written = outcome.errors().isEmpty();
                    update.setBoolean(1, written);
                    setJson(update, 2, written ? write(outcome.done()) : null);
                    setJson(update, 3, written ? null : errorsJson(outcome.errors()));
                    update.setObject(4, id);
                    update.setInt(5, outcome.row());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /** Errors as stored: dates keep their type through a "date:" prefix, so messages show them in the reader's form. */
    public String errorsJson(List<RowError> errors) {
        if (errors == null || errors.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> stored = new ArrayList<>();
        for (RowError e : errors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", e.column());
            m.put("value", e.value());
            m.put("key", e.messageKey());
            m.put("args", e.args().stream().map(a -> a instanceof LocalDate d ? "date:" + d : a instanceof Number || a instanceof Boolean ? a : String.valueOf(a)).toList());
            stored.add(m);
        }
        return write(stored);
    }

    private RowError readError(String text) {
        JsonNode node = tree(text);
        List<Object> args = new ArrayList<>();
        node.path("args").forEach(a -> args.add(a.isNumber() ? a.numberValue()
                : a.asText().startsWith("date:") ? LocalDate.parse(a.asText().substring(5)) : a.asText()));
        return new RowError(node.path("column").isNull() ? null : node.path("column").asText(null),
                node.path("value").isNull() ? null : node.path("value").asText(null), node.path("key").asText(), args);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setJson(PreparedStatement statement, int index, String value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
