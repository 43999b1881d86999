package vn.ishc.reporting.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * reporting's own copy of funding's contribution snapshot (schema funding-service
 * contribution-snapshot.v1), holding only what progress needs. A contract test keeps it in step.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContributionSnapshotData(Contribution contribution) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contribution(UUID id, String form, Long amountVnd, LocalDate receivedOn, String districtCode, String communeCode, UUID pledgeId,
                               String status, LocalDate reversedOn) {
    }
}
