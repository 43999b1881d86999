package vn.ishc.kit.imports.job;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.ishc.kit.events.Failures;
import vn.ishc.kit.imports.table.TableFileException;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.time.VietnamClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives import jobs: an upload is read and checked row by row (the dry run) into import_row,
 * and a commit writes the valid rows group by group, a bounded number of rows per transaction.
 * The work runs on two worker threads; the caller waits a few seconds and gets the finished report,
 * or the job to follow while it runs. A job's worker holds a lease it renews as it goes; when a
 * replica stops, the sweeper ends its dry runs as FAILED (the file was only on that replica) and
 * resumes its commits (writing matches again, so nothing is written twice).
 */
@ApplicationScoped
@IfBuildProperty(name = "ishc.imports.enabled", stringValue = "true")
public class ImportJobs {

    static final int LEASE_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    /** Rows checked and stored per transaction in the dry run. */
    private static final int CHECK_CHUNK = 500;
    /** Groups (e.g. clubs) written per transaction in a commit: about 1,500 rows for clubs of 60 members. */
    private static final int GROUPS_PER_TRANSACTION = 25;

    @ConfigProperty(name = "ishc.imports.max-file-bytes", defaultValue = "10485760")
    long maxFileBytes;

    @ConfigProperty(name = "ishc.imports.wait", defaultValue = "PT10S")
    Duration wait;

    /** How long a finished job and its rows (names, birth dates as uploaded) are kept for the officer to look back. */
    @ConfigProperty(name = "ishc.imports.keep", defaultValue = "P30D")
    Duration keep;

    @Inject
    ImportJobStore store;

    @Inject
    Instance<ImportKind> kinds;

    @Inject
    Caller caller;

    @Inject
    VietnamClock clock;

    @Inject
    ImportFiles files;

    private final ExecutorService workers = Executors.newFixedThreadPool(2, new WorkerThreads());
    private volatile boolean stopping;

    public ImportKind kind(String name) {
        for (ImportKind kind : kinds) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw ProblemException.invalid("kind", "import.kind.unknown", name, String.join(", ", kindNames()));
    }

    public List<String> kindNames() {
        return kinds.stream().map(ImportKind::name).sorted().toList();
    }

    /** Stores the upload, checks it, and answers the job once checked or after the wait, whichever comes first. */
    public ImportJobStore.Job upload(String kindName, String fileName, InputStream body) {
        ImportKind kind = kind(kindName);
        ImportScope scope = new ImportScope(UUID.randomUUID(), writerDistrict(), caller.subject());
        Path file = receive(body);
        try {
            files.inspect(file, kind);
        } catch (TableFileException refused) {
            delete(file, scope.jobId());
            throw new ProblemException(refused.unsupportedFormat() ? 415 : 400, refused.unsupportedFormat() ? "unsupported-file" : "unreadable-file",
                    refused.messageKey(), refused.args());
        }
        QuarkusTransaction.requiringNew().run(() -> store.create(new ImportJobStore.Job(scope.jobId(), kind.name(), fileName,
                scope.district(), scope.actor(), clock.now(), ImportStatus.VALIDATING, null, null, null, null, 0, null, null)));
        waitFor(workers.submit(() -> check(kind, scope, file)));
        return QuarkusTransaction.requiringNew().call(() -> store.find(scope.jobId(), false).orElseThrow());
    }

    /** Starts writing a checked job and answers it once written or after the wait. */
    public ImportJobStore.Job commit(UUID id, CommitMode mode) {
        ImportJobStore.Job job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJobStore.Job locked = readable(id, true);
            boolean resumable = locked.status() == ImportStatus.FAILED && locked.mode() != null;
            if (locked.status() != ImportStatus.READY && !resumable) {
                throw ProblemException.conflict("import.commit.notReady", locked.status().name());
            }
            ImportJobStore.Counts counts = store.counts(id);
            if (mode == CommitMode.ALL && counts.invalid() > 0) {
                throw ProblemException.conflict("import.commit.hasErrors", counts.invalid());
            }
            if (counts.read() == counts.invalid()) {
                throw ProblemException.conflict("import.commit.nothingValid");
            }
            store.startCommit(id, mode, clock.now());
            return locked;
        });
        ImportKind kind = kind(job.kind());
        ImportScope scope = new ImportScope(id, job.district(), caller.subject());
        waitFor(workers.submit(() -> writeAll(kind, scope)));
        return QuarkusTransaction.requiringNew().call(() -> store.find(id, false).orElseThrow());
    }

    /** The job, if the caller may see it: a province admin any, an officer those of their own area. */
    public ImportJobStore.Job readable(UUID id, boolean forUpdate) {
        ImportJobStore.Job job = store.find(id, forUpdate).orElseThrow(() -> ProblemException.notFound("import.notFound", id.toString()));
        String own = writerDistrict();
        if (own != null && !own.equals(job.district())) {
            throw ProblemException.forbidden("import.forbidden");
        }
        return job;
    }

    /**
     * Where the caller may import: null for a province admin, a district officer's district, an area
     * officer's communes comma-separated in code order (as {@link ImportScope} reads them).
     */
    public String writerDistrict() {
        if (caller.isProvinceAdmin()) {
            return null;
        }
        java.util.Optional<String> district = caller.officerDistrict();
        if (district.isPresent()) {
            return district.get();
        }
        if (caller.officerCommunes().isEmpty()) {
            throw ProblemException.forbidden("import.forbidden");
        }
        return String.join(",", new java.util.TreeSet<>(caller.officerCommunes()));
    }

    private Path receive(InputStream body) {
        try {
            Path file = Files.createTempFile("ishc-import-", ".upload");
            long size = 0;
            try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxFileBytes) {
                        out.close();
                        Files.deleteIfExists(file);
                        throw new ProblemException(413, "too-large", "import.file.tooLarge", maxFileBytes / (1024 * 1024));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                Files.deleteIfExists(file);
                throw ProblemException.invalid("file", "import.file.empty");
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("could not store the upload", e);
        }
    }

    private void check(ImportKind kind, ImportScope scope, Path file) {
        UUID id = scope.jobId();
        try {
            ImportKind.RowChecker checker = QuarkusTransaction.requiringNew().call(() -> kind.checker(scope));
            files.read(file, kind, (columns, chunk) -> QuarkusTransaction.requiringNew().run(() -> {
                if (columns != null) {
                    store.setColumns(id, columns);
                }
                store.insertRows(id, chunk.stream().map(cells -> checked(cells, checker)).toList());
                store.renewLease(id, clock.now());
            }), CHECK_CHUNK);
            QuarkusTransaction.requiringNew().run(() -> {
                store.keepTally(id, false);
                store.setStatus(id, ImportStatus.READY, null, clock.now());
            });
        } catch (TableFileException refused) {
            QuarkusTransaction.requiringNew().run(() -> {
                store.deleteRows(id);
                store.setStatus(id, ImportStatus.REFUSED, Map.of("key", refused.messageKey(), "args", List.of(refused.args())), clock.now());
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s: checking the file failed", id);
            QuarkusTransaction.requiringNew().run(() -> store.setStatus(id, ImportStatus.FAILED, Map.of("key", "import.failed", "args", List.of()), clock.now()));
        } finally {
            delete(file, id);
        }
    }

    private static void delete(Path file, UUID id) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("import %s: could not delete %s", id, file);
        }
    }

    private ImportJobStore.CheckedRecord checked(RowCells cells, ImportKind.RowChecker checker) {
        ImportKind.CheckedRow row = checker.check(cells);
        List<RowError> errors = new java.util.ArrayList<>(cells.errors());
        errors.addAll(row.errors());
        String group = row.group() == null ? "" : row.group();
        return new ImportJobStore.CheckedRecord(cells.row(), group, errors.isEmpty() ? store.write(row.data()) : null,
                store.errorsJson(errors), row.actions() == null || row.actions().isEmpty() ? null : store.write(row.actions()));
    }

    private void writeAll(ImportKind kind, ImportScope scope) {
        UUID id = scope.jobId();
        try {
            while (true) {
                List<String> groups = QuarkusTransaction.requiringNew().call(() -> store.pendingGroups(id, GROUPS_PER_TRANSACTION));
                if (groups.isEmpty()) {
                    break;
                }
                QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                    store.recordOutcomes(id, kind.write(scope, store.pendingRows(id, groups)));
                    store.renewLease(id, clock.now());
                });
            }
            QuarkusTransaction.requiringNew().run(() -> {
                store.keepTally(id, true);
                store.setStatus(id, ImportStatus.COMMITTED, null, clock.now());
            });
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                // The database is away: leave the job COMMITTING; its lease runs out and the sweeper resumes it.
                LOG.warnf("import %s: writing paused by a transient failure (%s); it resumes when the database answers", id, e.getMessage());
                return;
            }
            LOG.errorf(e, "import %s: writing failed", id);
            QuarkusTransaction.requiringNew().run(() -> {
                store.keepTally(id, true);
                store.setStatus(id, ImportStatus.FAILED, Map.of("key", "import.commit.failed", "args", List.of()), clock.now());
            });
        }
    }

    /** Ends the dry runs of stopped replicas, resumes their commits, and forgets jobs finished long ago. */
    @Scheduled(every = "${ishc.imports.sweep-interval:10s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (stopping) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            int purged = store.purgeFinishedBefore(clock.now().minus(keep));
            if (purged > 0) {
                LOG.infof("imports: %d finished jobs older than %s forgotten", purged, keep);
            }
            for (UUID id : store.abandoned(ImportStatus.VALIDATING, clock.now())) {
                LOG.warnf("import %s: its dry run stopped with its replica; the file must be uploaded again", id);
                store.setStatus(id, ImportStatus.FAILED, Map.of("key", "import.restarted", "args", List.of()), clock.now());
            }
        });
        List<ImportJobStore.Job> resumed = QuarkusTransaction.requiringNew().call(() -> store.abandoned(ImportStatus.COMMITTING, clock.now()).stream()
                .map(id -> {
                    store.renewLease(id, clock.now());
                    return store.find(id, false).orElseThrow();
                }).toList());
        for (ImportJobStore.Job job : resumed) {
            LOG.infof("import %s: resuming its commit", job.id());
            workers.submit(() -> writeAll(kind(job.kind()), new ImportScope(job.id(), job.district(), job.createdBy())));
        }
    }


    private void waitFor(Future<?> work) {
        try {
            work.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Still working: the caller follows the job.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("import worker failed", e.getCause());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        // Work cut short here rolls back its transaction; its lease runs out and another replica (or this one, restarted) resumes it.
        stopping = true;
        workers.shutdownNow();
    }

    private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "import-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
