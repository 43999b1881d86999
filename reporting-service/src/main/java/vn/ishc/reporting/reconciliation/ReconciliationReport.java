package vn.ishc.reporting.reconciliation;

import java.time.LocalDate;
import java.util.List;

/** Whether reporting's figures equal the sources' own counts on a date: MATCH, or every difference. */
public record ReconciliationReport(String programmeCode, LocalDate asOf, Status status, int figuresCompared, List<Difference> differences) {

    public enum Status { MATCH, MISMATCH }
}
