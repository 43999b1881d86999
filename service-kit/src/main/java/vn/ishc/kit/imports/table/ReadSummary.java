package vn.ishc.kit.imports.table;

import vn.ishc.kit.export.TableFormat;

/**
 * What was read.
 *
 * @param format    XLSX or CSV, as detected from the content
 * @param sheetName the sheet read from a workbook; null for CSV
 * @param dataRows  the non-blank rows delivered after the header
 */
public record ReadSummary(TableFormat format, String sheetName, int dataRows) {
}
