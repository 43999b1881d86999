package vn.ishc.funding.imports;

import vn.ishc.funding.replica.RegistryReplica;
import vn.ishc.kit.imports.job.RowCells;
import vn.ishc.kit.text.SearchText;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The communes directly under the province an import row may name (from the 2025 reform): by GSO
 * code, or by name with case, diacritics and the unit type ("Phường", "Xã") ignored. Whether the
 * commune is in force on the row's date is the API's rule, checked with the row. Read once per import.
 */
final class Communes {

    private static final Pattern CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern UNIT_TYPE = Pattern.compile("^(phuong|xa|thi tran|p\\.?|x\\.?)\\s+");

    private final Map<String, String> codesByName;

    private Communes(Map<String, String> codesByName) {
        this.codesByName = codesByName;
    }

    static Communes load(RegistryReplica replica) {
        return new Communes(replica.communeCodesByName());
    }

    /** The code of the commune a row names, or null when it names none (an error is noted when the name is unknown). */
    String code(RowCells row, String key) {
        String value = row.text(key);
        if (value == null || CODE.matcher(value).matches()) {
            return value;
        }
        String wanted = bare(value);
        for (Map.Entry<String, String> commune : codesByName.entrySet()) {
            if (bare(commune.getKey()).equals(wanted)) {
                return commune.getValue();
            }
        }
        row.error(key, "import.commune.unknownName", value);
        return null;
    }

    private static String bare(String name) {
        return UNIT_TYPE.matcher(SearchText.fold(name).replaceAll("\\s+", " ").strip()).replaceFirst("");
    }
}
