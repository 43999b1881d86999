package vn.ishc.reporting.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.Programmes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reconciles every running programme against the sources on a schedule, as of today, and exposes
 * the result: gauge {@code ishc_reconciliation_differences{programme}}, counter
 * {@code ishc_reconciliation_checks_total{outcome}}, gauge {@code ishc_reconciliation_last_completed_seconds}
 * (epoch seconds of the last check that could compare), and the readiness details. A mismatch is
 * checked again after a pause, so that events still in flight are not reported as drift.
 * The sources are called with the service token read from a file at each check (a mounted Secret
 * can be rotated without a restart).
 */
@ApplicationScoped
public class DriftCheck {

    private static final Logger LOG = Logger.getLogger(DriftCheck.class);

    /** What the last check found, per programme (null before the first check). */
    public record LastCheck(Instant at, String outcome, String reason, Map<String, ReconciliationReport> reports) {
    }

    @ConfigProperty(name = "ishc.reconciliation.service-token-file")
    Optional<Path> tokenFile;

    @ConfigProperty(name = "ishc.reconciliation.settle", defaultValue = "10s")
    Duration settle;

    @Inject
    Reconciliation reconciliation;

    @Inject
    Programmes programmes;

    @Inject
    VietnamClock clock;

    @Inject
    MeterRegistry metrics;

    private final Map<String, AtomicLong> differences = new ConcurrentHashMap<>();
    private volatile LastCheck last;

    @Scheduled(every = "${ishc.reconciliation.check-every:5m}", delayed = "${ishc.reconciliation.first-check-after:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        check();
    }

    public LastCheck last() {
        return last;
    }

    @ActivateRequestContext
    public synchronized LastCheck check() {
        if (tokenFile.isEmpty()) {
            return record(new LastCheck(Instant.now(), "NOT_CONFIGURED", "ishc.reconciliation.service-token-file is not set", Map.of()));
        }
        LastCheck result;
        try {
            String token = Files.readString(tokenFile.get()).strip();
            LocalDate today = clock.today();
            Map<String, ReconciliationReport> reports = new LinkedHashMap<>();
            for (Programme programme : programmes.all()) {
                if (programme.startsOn.isAfter(today)) {
                    continue;
                }
                ReconciliationReport report = reconciliation.reconcile(programme.code, today, token);
                if (report.status() == ReconciliationReport.Status.MISMATCH && !settle.isZero()) {
                    Thread.sleep(settle.toMillis());
                    report = reconciliation.reconcile(programme.code, today, token);
                }
                reports.put(programme.code, report);
                differences.computeIfAbsent(programme.code, code -> metrics.gauge("ishc_reconciliation_differences",
                        io.micrometer.core.instrument.Tags.of("programme", code), new AtomicLong())).set(report.differences().size());
            }
            boolean match = reports.values().stream().allMatch(r -> r.status() == ReconciliationReport.Status.MATCH);
            result = new LastCheck(Instant.now(), match ? "MATCH" : "MISMATCH", null, reports);
            if (!match) {
                LOG.warnf("Reconciliation found drift: %s", reports.values().stream().filter(r -> !r.differences().isEmpty())
                        .map(r -> r.programmeCode() + " " + r.differences()).toList());
            }
        } catch (IOException e) {
            result = new LastCheck(Instant.now(), "FAILED", "service token file cannot be read: " + e.getMessage(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new LastCheck(Instant.now(), "FAILED", "interrupted", Map.of());
        } catch (RuntimeException e) {
            result = new LastCheck(Instant.now(), "FAILED", e.getMessage(), Map.of());
        }
        if ("FAILED".equals(result.outcome())) {
            LOG.warnf("Reconciliation check failed: %s", result.reason());
        }
        return record(result);
    }

    private final AtomicLong lastCompleted = new AtomicLong();

    private LastCheck record(LastCheck result) {
        metrics.counter("ishc_reconciliation_checks_total", "outcome", result.outcome()).increment();
        if (result.outcome().equals("MATCH") || result.outcome().equals("MISMATCH")) {
            // When the differences gauge was last true: alert when it grows old (checks failing).
            metrics.gauge("ishc_reconciliation_last_completed_seconds", lastCompleted).set(result.at().getEpochSecond());
        }
        last = result;
        return result;
    }
}
