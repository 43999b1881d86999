package vn.ishc.registry.adminunit;

import java.time.LocalDate;

/** An administrative unit as the API and the admin-units topic show it. */
public record AdminUnitView(String code, String name, String fullName, AdminUnitLevel level, String unitType,
                            String parentCode, LocalDate validFrom, LocalDate validTo) {

    static AdminUnitView of(AdminUnit unit) {
        return new AdminUnitView(unit.code, unit.name, unit.fullName, unit.level, unit.unitType, unit.parentCode,
                unit.validFrom, unit.validTo);
    }
}
