package vn.ishc.kit.imports.table;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a cell of the sheet XML (its type, style and raw value) into a {@link Cell} with the raw value.
 * POI's XSSFSheetXMLHandler would hand us formatted text ("15,000,000", "3/15/18"), which loses the
 * number and depends on the locale.
 */
final class XlsxCells {

    /** Days between the 1900 and 1904 date systems' day zero. */
    private static final int DAYS_1904 = 1462;
    /** Excel shows at most 15 significant digits; the file may hold 17 ("0.30000000000000004"). */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final SharedStrings sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    XlsxCells(SharedStrings sharedStrings, StylesTable styles, boolean date1904) {
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    /**
     * @param type    the {@code t} attribute ("n" when absent)
     * @param style   the {@code s} attribute (0 when absent)
     * @param value   the text of {@code <v>}, or null when the cell has none
     * @param inline  the text of {@code <is>} for an inline string
     * @param formula whether the cell has a formula ({@code <f>})
     */
    Cell cell(String type, int style, String value, String inline, boolean formula) {
        if (formula && value == null) {
            return Cell.ofError("imports.cell.formulaNotComputed", "");
        }
        String raw = value == null ? "" : value;
        try {
            return switch (type) {
                case "s" -> raw.isBlank() ? Cell.BLANK : Cell.ofText(sharedStrings.getItemAt(Integer.parseInt(raw.strip())).getString());
                case "inlineStr" -> Cell.ofText(inline);
                case "str" -> Cell.ofText(raw);
                case "b" -> raw.isBlank() ? Cell.BLANK : Cell.ofText("1".equals(raw.strip()) ? "TRUE" : "FALSE");
                case "e" -> Cell.ofError("imports.cell.excelError", raw.strip());
                case "d" -> isoDate(raw.strip());
                default -> raw.isBlank() ? Cell.BLANK : number(raw.strip(), style);
            };
        } catch (RuntimeException e) {
            // A shared string that does not exist, a number that is not one: made by a broken program.
            throw TableFileException.content(e, "imports.file.damaged");
        }
    }

    private Cell number(String raw, int style) {
        double number = Double.parseDouble(raw);
        boolean date = isDateStyle(style);
        if (date && date1904) {
            number += DAYS_1904;
            return Cell.ofNumber(plain(BigDecimal.valueOf(number)), number, true);
        }
        return Cell.ofNumber(plain(new BigDecimal(raw)), number, date);
    }

    /** A date cell written as ISO 8601 (t="d", rare outside strict OOXML): its 1900-based serial; the time of day is dropped. */
    private static Cell isoDate(String raw) {
        double serial = DateUtil.getExcelDate(LocalDate.parse(raw.substring(0, Math.min(10, raw.length()))));
        return Cell.ofNumber(plain(BigDecimal.valueOf(serial)), serial, true);
    }

    /** The decimal Excel would show in a General cell: no exponent, no trailing zeros. */
    private static String plain(BigDecimal number) {
        return number.round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    private boolean isDateStyle(int index) {
        if (styles == null || index < 0 || index >= styles.getNumCellStyles()) {
            return false;
        }
        return dateStyles.computeIfAbsent(index, i -> {
            XSSFCellStyle cellStyle = styles.getStyleAt(i);
            return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }
}
