package vn.ishc.reporting.reconciliation;

/** One figure on which reporting and its source disagree. */
public record Difference(String area, String figure, String source, long reportingValue, long sourceValue) {
}
