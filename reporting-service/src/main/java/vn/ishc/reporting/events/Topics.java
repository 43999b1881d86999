package vn.ishc.reporting.events;

/**
 * The topic reporting publishes through its outbox (the topics it consumes are in
 * {@code config.Topics}; the Kubernetes checks read the published ones from here, as for each service).
 */
public final class Topics {

    /** A district plan or report changed status, keyed by programme/district/period, compacted. */
    public static final String DISTRICT_REPORTS = "reporting.district-reports.v1";

    private Topics() {
    }
}
