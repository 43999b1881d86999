package vn.ishc.reporting.review;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of an event on {@code reporting.district-reports.v1}: a district plan or report changed
 * status. Keyed by programme, district and period ({@code plan} for plans), so a partner follows
 * one district's submissions in order.
 */
public record ReviewEvent(Subject subject, String programmeCode, String districtCode, String periodCode, UUID id, int revision,
                          ReviewStatus status, String comment, String actor, Instant at) {

    public enum Subject { PLAN, REPORT }

    public String key() {
        return programmeCode + "/" + districtCode + "/" + (periodCode == null ? "plan" : periodCode);
    }
}
