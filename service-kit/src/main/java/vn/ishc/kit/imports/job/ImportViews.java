package vn.ishc.kit.imports.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Import jobs as the API shows them, with messages in the reader's language. Runs in the caller's transaction. */
@ApplicationScoped
@IfBuildProperty(name = "ishc.imports.enabled", stringValue = "true")
public class ImportViews {

    private static final int ERRORS_SHOWN = 200;

    @Inject
    ImportJobStore store;

    @Inject
    ImportJobs jobs;

    @Inject
    ObjectMapper json;

    public ImportJobView of(ImportJobStore.Job job, Locale locale) {
        ImportJobStore.Counts counts = store.counts(job.id());
        Map<String, String> headers = headers(job.kind());
        List<ImportJobView.ImportError> errors = store.errors(job.id(), 0, ERRORS_SHOWN).stream().map(e -> error(e, headers, locale)).toList();
        @SuppressWarnings("unchecked")
        Map<String, Object> columns = job.columns() == null ? null : json.convertValue(job.columns(), Map.class);
        return new ImportJobView(job.id(), job.kind(), job.fileName(), job.district(), job.status(), job.mode(), job.createdAt(),
                job.finishedAt(), new ImportJobView.Rows(counts.read(), counts.read() - counts.invalid(), counts.invalid(), counts.written(),
                counts.failed()), tally(job.plan()), tally(job.result()), columns, store.errorCount(job.id()), errors,
                problem(job, locale));
    }

    /** A tally kept on the job; empty while the job is still checking or writing. */
    private Map<String, Map<String, Long>> tally(com.fasterxml.jackson.databind.JsonNode kept) {
        if (kept == null) {
            return Map.of();
        }
        return json.convertValue(kept, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Map<String, Long>>>() {
        });
    }

    public List<ImportJobView> recent(String district, Locale locale) {
        return store.recent(district, 100).stream().map(job -> of(job, locale)).toList();
    }

    public Page<ImportJobView.ImportError> errors(ImportJobStore.Job job, PageRequest paging, Locale locale) {
        Map<String, String> headers = headers(job.kind());
        List<ImportJobView.ImportError> items = store.errors(job.id(), paging.offset(), paging.size()).stream()
                .map(e -> error(e, headers, locale)).toList();
        return new Page<>(items, paging.page(), paging.size(), store.errorCount(job.id()));
    }

    private ImportJobView.ImportError error(ImportJobStore.StoredError stored, Map<String, String> headers, Locale locale) {
        RowError e = stored.error();
        return new ImportJobView.ImportError(stored.row(), e.column(), e.column() == null ? null : headers.getOrDefault(e.column(), e.column()),
                e.value(), Messages.text(locale, e.messageKey(), e.args().toArray()));
    }

    private String problem(ImportJobStore.Job job, Locale locale) {
        if (job.problem() == null) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        job.problem().path("args").forEach(a -> args.add(a.isNumber() ? a.numberValue() : a.asText()));
        return Messages.text(locale, job.problem().path("key").asText(), args.toArray());
    }

    private Map<String, String> headers(String kind) {
        Map<String, String> headers = new HashMap<>();
        jobs.kind(kind).columns().forEach(c -> headers.put(c.key(), c.header()));
        return headers;
    }
}
