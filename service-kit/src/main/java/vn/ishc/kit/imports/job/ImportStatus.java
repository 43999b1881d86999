package vn.ishc.kit.imports.job;

/**
 * Where an import job is. VALIDATING → READY (the dry run's report) → COMMITTING → COMMITTED; a file
 * that cannot be read is REFUSED; a job whose work stopped for good (its replica died while reading
 * the file, an unexpected error while writing) is FAILED and keeps its report.
 */
public enum ImportStatus {
    VALIDATING, READY, REFUSED, COMMITTING, COMMITTED, FAILED
}
