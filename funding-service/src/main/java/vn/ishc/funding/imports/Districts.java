package vn.ishc.funding.imports;

import vn.ishc.funding.replica.RegistryReplica;
import vn.ishc.kit.imports.job.RowCells;
import vn.ishc.kit.text.SearchText;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The districts an import row may name, from funding's replica of registry: by GSO code or by
 * name, case, diacritics and the unit type ("Huyện", "Thành phố", "Thị xã") ignored. Read once per import.
 */
final class Districts {

    private static final Pattern CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern UNIT_TYPE = Pattern.compile("^(thanh pho|thi xa|huyen|quan|tp\\.?|tx\\.?)\\s+");

    private final Map<String, String> names;

    private Districts(Map<String, String> names) {
        this.names = names;
    }

    static Districts load(RegistryReplica replica) {
        return new Districts(replica.districtNames());
    }

    /** The code of the district a row names, or null when it names none (an error is noted when it names one that is unknown). */
    String code(RowCells row, String key) {
        String value = row.text(key);
        if (value == null) {
            return null;
        }
        if (CODE.matcher(value).matches()) {
            if (names.containsKey(value)) {
                return value;
            }
            row.error(key, "district.unknown", value);
            return null;
        }
        String wanted = bare(value);
        for (Map.Entry<String, String> district : names.entrySet()) {
            if (bare(district.getValue()).equals(wanted)) {
                return district.getKey();
            }
        }
        row.error(key, "import.district.unknownName", value);
        return null;
    }

    /** "Thành phố Sông Công (165)"; the province's code for the province's own book. */
    String label(String code, String provinceCode) {
        if (code == null) {
            return provinceCode;
        }
        String name = names.get(code);
        return name == null ? code : name + " (" + code + ")";
    }

    private static String bare(String name) {
        return UNIT_TYPE.matcher(SearchText.fold(name).replaceAll("\\s+", " ").strip()).replaceFirst("");
    }
}
