package vn.ishc.kit.imports.job;

import java.util.List;

/**
 * A column of an import file: its key (the API's camelCase field name, also accepted as a
 * header), the Vietnamese header of the template, other headers people use for it, and what the
 * template shows as an example and explanation.
 */
public record ImportColumn(String key, String header, boolean required, String example, String explanation, List<String> aliases) {

    public static ImportColumn required(String key, String header, String example, String explanation, String... aliases) {
        return new ImportColumn(key, header, true, example, explanation, List.of(aliases));
    }

    public static ImportColumn optional(String key, String header, String example, String explanation, String... aliases) {
        return new ImportColumn(key, header, false, example, explanation, List.of(aliases));
    }
}
