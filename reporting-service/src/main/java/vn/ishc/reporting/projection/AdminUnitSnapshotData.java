package vn.ishc.reporting.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/** reporting's own copy of registry's admin-unit snapshot (schema admin-unit-snapshot.v1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdminUnitSnapshotData(String code, List<Period> periods) {

    /** successors: absent or empty for a period still in force or continued under the same code. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(String code, String name, String fullName, String level, String unitType, String parentCode,
                         LocalDate validFrom, LocalDate validTo, List<Successor> successors) {
    }

    /** A unit that took over (whole: all of, else part of) the period's territory when it ended: the period of that code starting then. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Successor(String code, Boolean whole) {
    }
}
