package vn.ishc.kit.imports.table;

import org.apache.poi.ss.usermodel.DateUtil;
import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.text.SearchText;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a cell as a typed value, in the forms district officers type. Each method returns null for a
 * blank cell (the caller decides what is required) and throws {@link CellProblem} for a value it cannot
 * read or for a cell Excel itself could not compute.
 */
public final class CellValues {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,10}");
    private static final Set<String> YES = Set.of("co", "yes", "x", "1", "true");
    private static final Set<String> NO = Set.of("khong", "no", "0", "false");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CellValues() {
    }

    /** dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, or a number Excel stores for a date; 1900–2100. */
    public static LocalDate date(Cell cell) {
        return present(cell) ? date(cell, "imports.value.date.invalid") : null;
    }

    /** A date as {@link #date}, or a year alone (1900–2100) typed as text or as a number not shown as a date. */
    public static DateOrYear dateOrYear(Cell cell) {
        if (!present(cell)) {
            return null;
        }
        Double number = cell.number();
        if (number != null && !cell.dateFormatted() && number < 2101 && number == Math.rint(number)) {
            return DateOrYear.ofYear(year(number.intValue(), cell.text()));
        }
        String text = cleaned(cell);
        if (number == null && YEAR.matcher(text).matches()) {
            return DateOrYear.ofYear(year(Integer.parseInt(text), text));
        }
        return DateOrYear.ofDate(date(cell, "imports.value.dateOrYear.invalid"));
    }

    /** Whole đồng, not negative: 15.000.000, 15,000,000, 15 000 000, 15000000, with đ, VNĐ, VND or đồng after it. */
    public static Long amount(Cell cell) {
        return present(cell) ? CellAmounts.amount(cell) : null;
    }

    /** Có / Không (with or without diacritics), Yes / No, X for yes, 1 / 0, TRUE / FALSE. */
    public static Boolean yesNo(Cell cell) {
        if (!present(cell)) {
            return null;
        }
        String folded = SearchText.fold(cleaned(cell));
        if (!cell.dateFormatted() && YES.contains(folded)) {
            return true;
        }
        if (!cell.dateFormatted() && NO.contains(folded)) {
            return false;
        }
        throw new CellProblem("imports.value.yesNo.invalid", cell.text());
    }

    /** A whole number: a numeric cell without fraction, or digits with an optional sign. */
    public static Integer integer(Cell cell) {
        if (!present(cell)) {
            return null;
        }
        Double number = cell.number();
        if (number != null) {
            if (cell.dateFormatted() || number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
                throw new CellProblem("imports.value.integer.invalid", cell.text());
            }
            return number.intValue();
        }
        String text = cleaned(cell);
        if (INTEGER.matcher(text).matches()) {
            long value = Long.parseLong(text);
            if (value == (int) value) {
                return (int) value;
            }
        }
        throw new CellProblem("imports.value.integer.invalid", text);
    }

    /** The cell's text cleaned (NFC, invisible characters removed, trimmed); a date cell as dd/mm/yyyy. */
    public static String text(Cell cell) {
        if (!present(cell)) {
            return null;
        }
        if (cell.dateFormatted() && cell.number() != null && cell.number() >= 1 && cell.number() == Math.rint(cell.number())) {
            return DateUtil.getLocalDateTime(cell.number()).toLocalDate().format(DAY);
        }
        try {
            return CleanText.optional(cell.text());
        } catch (CleanText.RejectedText e) {
            throw new CellProblem("imports.value.text.control");
        }
    }

    /** False for a blank cell; throws for a cell Excel could not compute. */
    static boolean present(Cell cell) {
        if (cell.error() != null) {
            throw new CellProblem(cell.error(), cell.text());
        }
        return !cell.isBlank();
    }

    /** The text on one line, NFC, spaces of any kind as one plain space. */
    static String cleaned(Cell cell) {
        try {
            return CleanText.name(cell.text());
        } catch (CleanText.RejectedText e) {
            throw new CellProblem("imports.value.text.control");
        }
    }

    private static LocalDate date(Cell cell, String invalidKey) {
        if (cell.number() != null) {
            return CellDates.fromSerial(cell.number(), cell.text());
        }
        String text = cleaned(cell);
        LocalDate date = CellDates.fromText(text);
        if (date == null) {
            throw new CellProblem(invalidKey, text);
        }
        return date;
    }

    private static int year(int year, String text) {
        if (year < CellDates.FIRST.getYear() || year > CellDates.LAST.getYear()) {
            throw new CellProblem("imports.value.date.outOfRange", text);
        }
        return year;
    }
}
