package vn.ishc.kit.imports.table;

import java.util.Objects;

/**
 * One cell as the file holds it, before any reading of its meaning.
 *
 * @param text          what the cell shows: the string, or for a number its plain decimal without
 *                      exponent ({@code 15000000}, {@code 1955}, {@code 0.5}), or {@code TRUE}/{@code FALSE};
 *                      never null, {@code ""} when empty
 * @param number        the number of a numeric cell of a workbook (a date is its Excel serial number); null otherwise
 * @param dateFormatted whether the workbook shows that number as a date or time
 * @param error         null, or a message key (kit-messages) saying why the cell cannot be read — an error value
 *                      such as {@code #DIV/0!}, a formula never computed; its argument is {@link #text()}
 */
public record Cell(String text, Double number, boolean dateFormatted, String error) {

    public static final Cell BLANK = new Cell("", null, false, null);

    public Cell {
        Objects.requireNonNull(text, "text");
    }

    public static Cell ofText(String text) {
        return text.isEmpty() ? BLANK : new Cell(text, null, false, null);
    }

    public static Cell ofNumber(String text, double number, boolean dateFormatted) {
        return new Cell(text, number, dateFormatted, null);
    }

    public static Cell ofError(String messageKey, String text) {
        return new Cell(text, null, false, messageKey);
    }

    /** Nothing to read: no error and only white space or invisible characters (a no-break space counts as space). */
    public boolean isBlank() {
        return error == null && (text.isEmpty() || text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT));
    }
}
