package vn.ishc.registry.imports;

import vn.ishc.kit.imports.job.RowCells;
import vn.ishc.kit.text.SearchText;
import vn.ishc.registry.adminunit.AdminUnit;
import vn.ishc.registry.adminunit.AdminUnitLevel;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The districts and communes an import row may name, by GSO code or by name (case, diacritics
 * and the unit type — "Phường", "Xã" — ignored). Read once per import.
 */
final class Places {

    private static final Pattern DISTRICT_CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9]{5}");

    private final List<AdminUnit> units;

    Places(List<AdminUnit> units) {
        this.units = units;
    }

    static Places load() {
        return new Places(AdminUnit.list("level in ?1 order by code, validFrom nulls first", List.of(AdminUnitLevel.DISTRICT, AdminUnitLevel.COMMUNE)));
    }

    /** The district a row names, or null when the row names none (an error is noted when it names one that is unknown). */
    AdminUnit district(RowCells row, String key) {
        String value = row.text(key);
        if (value == null) {
            return null;
        }
        List<AdminUnit> found = matching(AdminUnitLevel.DISTRICT, value, null);
        if (found.isEmpty()) {
            row.error(key, DISTRICT_CODE.matcher(value).matches() ? "import.district.unknownCode" : "import.district.unknownName", value);
            return null;
        }
        return found.get(0);
    }

    /**
     * The commune a row names, within the district when one is known; by name, a name two communes
     * share is an error naming both.
     */
    AdminUnit commune(RowCells row, String key, AdminUnit district, LocalDate on) {
        String value = row.text(key);
        if (value == null) {
            row.requireFilled(key);
            return null;
        }
        List<AdminUnit> found = matching(AdminUnitLevel.COMMUNE, value, district == null ? null : district.code);
        if (found.isEmpty()) {
            if (COMMUNE_CODE.matcher(value).matches()) {
                row.error(key, "club.commune.unknown", value);
            } else {
                row.error(key, district == null ? "import.commune.unknownName" : "import.commune.unknownNameIn", value,
                        district == null ? "" : district.fullName);
            }
            return null;
        }
        if (on != null && found.stream().map(unit -> unit.code).distinct().count() > 1) {
            // A name two units have borne (Chợ Chu before and after the 2024 merger) names the one in force on the row's date.
            List<AdminUnit> inForce = found.stream().filter(unit -> unit.validOn(on)).toList();
            if (inForce.size() == 1) {
                return inForce.get(0);
            }
        }
        Map<String, AdminUnit> byCode = new LinkedHashMap<>();
        found.forEach(unit -> byCode.putIfAbsent(unit.code, unit));
        if (byCode.size() > 1) {
            row.error(key, "import.commune.ambiguous", value, describe(byCode.values()));
            return null;
        }
        AdminUnit inForce = on == null ? null : found.stream().filter(unit -> unit.validOn(on)).findFirst().orElse(null);
        return inForce != null ? inForce : found.get(found.size() - 1);
    }

    boolean existsOn(String code, LocalDate on) {
        return units.stream().anyMatch(unit -> unit.code.equals(code) && unit.validOn(on));
    }

    AdminUnit unitOn(String code, LocalDate on) {
        return units.stream().filter(unit -> unit.code.equals(code) && (on == null || unit.validOn(on))).findFirst()
                .orElseGet(() -> units.stream().filter(unit -> unit.code.equals(code)).reduce((a, b) -> b).orElse(null));
    }

    private List<AdminUnit> matching(AdminUnitLevel level, String value, String parentCode) {
        boolean byCode = (level == AdminUnitLevel.DISTRICT ? DISTRICT_CODE : COMMUNE_CODE).matcher(value).matches();
        String folded = fold(value);
        return units.stream().filter(unit -> unit.level == level)
                // A code names one unit wherever it is; a name is looked for within the district when one is known.
                .filter(unit -> byCode || parentCode == null || parentCode.equals(unit.parentCode))
                .filter(unit -> byCode ? unit.code.equals(value) : fold(unit.name).equals(folded) || fold(unit.fullName).equals(folded))
                .toList();
    }

    private String describe(Collection<AdminUnit> candidates) {
        StringBuilder text = new StringBuilder();
        for (AdminUnit unit : candidates) {
            AdminUnit district = unitOn(unit.parentCode, null);
            text.append(text.isEmpty() ? "" : "; ").append(unit.fullName).append(" (").append(unit.code)
                    .append(district == null ? "" : ", " + district.fullName).append(")");
        }
        return text.toString();
    }

    private static String fold(String name) {
        return SearchText.fold(name).replaceAll("\\s+", " ").strip();
    }
}
