package vn.ishc.kit.imports.table;

import java.util.List;

/**
 * Limits and preferences for reading one uploaded table. The file size itself is checked by the caller
 * before the file is stored.
 *
 * @param maxDataRows         data rows (after the header) beyond which the file is refused
 * @param maxColumns          columns beyond which a non-blank cell makes the file refused
 * @param preferredSheetNames sheet names to read first, compared without case and diacritics; otherwise the first sheet
 */
public record ReadOptions(int maxDataRows, int maxColumns, List<String> preferredSheetNames) {

    public static final int DEFAULT_MAX_DATA_ROWS = 100_000;
    public static final int DEFAULT_MAX_COLUMNS = 200;

    public ReadOptions {
        if (maxDataRows < 1 || maxColumns < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        preferredSheetNames = List.copyOf(preferredSheetNames);
    }

    public static ReadOptions defaults() {
        return new ReadOptions(DEFAULT_MAX_DATA_ROWS, DEFAULT_MAX_COLUMNS, List.of());
    }

    public ReadOptions withMaxDataRows(int max) {
        return new ReadOptions(max, maxColumns, preferredSheetNames);
    }

    public ReadOptions withMaxColumns(int max) {
        return new ReadOptions(maxDataRows, max, preferredSheetNames);
    }

    public ReadOptions preferringSheets(String... names) {
        return new ReadOptions(maxDataRows, maxColumns, List.of(names));
    }
}
