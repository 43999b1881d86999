package vn.ishc.reporting.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/** reporting's own copy of registry's admin-unit snapshot (schema admin-unit-snapshot.v1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdminUnitSnapshotData(String code, List<Period> periods) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(String code, String name, String fullName, String level, String unitType, String parentCode,
                         LocalDate validFrom, LocalDate validTo) {
    }
}
