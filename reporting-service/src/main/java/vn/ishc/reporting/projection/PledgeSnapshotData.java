package vn.ishc.reporting.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/** reporting's own copy of funding's pledge snapshot (schema funding-service pledge-snapshot.v1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PledgeSnapshotData(UUID id, Long amountVnd, LocalDate pledgedOn, String districtCode, String communeCode, LocalDate cancelledOn) {
}
