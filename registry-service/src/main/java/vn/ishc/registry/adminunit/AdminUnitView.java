package vn.ishc.registry.adminunit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One period of an administrative unit as the API and the admin-units topic show it, with the
 * units that took it over when it ended and those it took over when it began (decision 0013).
 */
@Schema(name = "AdminUnit", example = """
        {"code": "05443", "name": "Phan Đình Phùng", "fullName": "Phường Phan Đình Phùng", "level": "COMMUNE", "unitType": "phuong",
         "parentCode": "19", "validFrom": "2025-07-01", "validTo": null, "successors": [],
         "predecessors": [{"code": "05437", "whole": true}, {"code": "05443", "whole": true}, {"code": "05461", "whole": false}]}""")
public record AdminUnitView(String code, String name, String fullName, AdminUnitLevel level, String unitType,
                            @Schema(nullable = true) String parentCode,
                            @Schema(nullable = true, description = "Inclusive; null: before the earliest official list held (2017-10-15)") LocalDate validFrom,
                            @Schema(nullable = true, description = "Exclusive; null: still in force") LocalDate validTo,
                            @Schema(description = "The units that took this one over when it ended (each from validTo on); "
                                    + "whole false: only part of it went there") List<Link> successors,
                            @Schema(description = "The units this one took over (all or part) when it began") List<Link> predecessors,
                            @JsonInclude(JsonInclude.Include.NON_NULL)
                            @Schema(description = "Every period of the code, oldest first: only in a list without asOf, where each unit appears once")
                            List<AdminUnitView> periods) {

    /** A unit named by code, on the day its predecessor ended or its successor began. */
    @Schema(name = "AdminUnitLink")
    public record Link(String code, boolean whole) {
    }

    static AdminUnitView of(AdminUnit unit, Hierarchy hierarchy) {
        return new AdminUnitView(unit.code, unit.name, unit.fullName, unit.level, unit.unitType, unit.parentCode,
                unit.validFrom, unit.validTo, links(hierarchy.successors(unit)), links(hierarchy.predecessors(unit)), null);
    }

    /** The latest period, carrying all periods of the code. */
    static AdminUnitView withPeriods(List<AdminUnit> periods, Hierarchy hierarchy) {
        AdminUnitView latest = of(periods.get(periods.size() - 1), hierarchy);
        return new AdminUnitView(latest.code, latest.name, latest.fullName, latest.level, latest.unitType, latest.parentCode,
                latest.validFrom, latest.validTo, latest.successors, latest.predecessors,
                periods.stream().map(p -> of(p, hierarchy)).toList());
    }

    private static List<Link> links(List<Hierarchy.Successor> units) {
        return units.stream().map(s -> new Link(s.unit().code, s.whole())).toList();
    }
}
