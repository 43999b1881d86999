package vn.ishc.registry.adminunit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** An administrative unit as the API and the admin-units topic show it. */
@Schema(name = "AdminUnit", example = """
        {"code": "05509", "name": "Châu Sơn", "fullName": "Phường Châu Sơn", "level": "COMMUNE", "unitType": "phuong",
         "parentCode": "165", "validFrom": "2020-02-01", "validTo": null}""")
public record AdminUnitView(String code, String name, String fullName, AdminUnitLevel level, String unitType,
                            String parentCode, LocalDate validFrom, LocalDate validTo) {

    static AdminUnitView of(AdminUnit unit) {
        return new AdminUnitView(unit.code, unit.name, unit.fullName, unit.level, unit.unitType, unit.parentCode,
                unit.validFrom, unit.validTo);
    }
}
