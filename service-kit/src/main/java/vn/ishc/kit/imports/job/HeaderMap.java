package vn.ishc.kit.imports.job;

import vn.ishc.kit.imports.table.TableFileException;
import vn.ishc.kit.text.SearchText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of the file holds which field: a header matches a column by its Vietnamese
 * header, its API field name or an alias, with case, diacritics and spacing ignored. A file
 * without a required column, or with two columns for one field, is refused as a whole.
 */
final class HeaderMap {

    private final Map<String, Integer> positions;
    private final List<String> ignored;

    private HeaderMap(Map<String, Integer> positions, List<String> ignored) {
        this.positions = positions;
        this.ignored = ignored;
    }

    static HeaderMap of(List<String> headers, List<ImportColumn> columns) {
        Map<String, ImportColumn> byName = new HashMap<>();
        for (ImportColumn column : columns) {
            byName.put(fold(column.header()), column);
            byName.put(fold(column.key()), column);
            column.aliases().forEach(alias -> byName.put(fold(alias), column));
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header == null || header.isBlank()) {
                continue;
            }
            ImportColumn column = byName.get(fold(header));
            if (column == null) {
                ignored.add(header);
            } else if (positions.putIfAbsent(column.key(), i) != null) {
                throw TableFileException.content("import.columns.twice", column.header(), header);
            }
        }
        List<String> missing = columns.stream().filter(ImportColumn::required).filter(c -> !positions.containsKey(c.key()))
                .map(ImportColumn::header).toList();
        if (!missing.isEmpty()) {
            throw TableFileException.content("import.columns.missing", String.join(", ", missing));
        }
        return new HeaderMap(positions, ignored);
    }

    private static String fold(String header) {
        return SearchText.fold(header).replaceAll("[^a-z0-9]", "");
    }

    /** The file position of a field's column, or -1 when the file has no such column. */
    int position(String key) {
        return positions.getOrDefault(key, -1);
    }

    Map<String, Object> describe() {
        return Map.of("matched", positions.keySet(), "ignored", ignored);
    }
}
