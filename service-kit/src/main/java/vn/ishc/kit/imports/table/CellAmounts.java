package vn.ishc.kit.imports.table;

import vn.ishc.kit.text.SearchText;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money in whole đồng as typed in Vietnam, where "." groups thousands. What could be a
 * decimal ("1.5", "15,5") is refused rather than guessed: 1.5 might be 1,500 đồng or a typo for 1.500.000.
 */
final class CellAmounts {

    /** Whole đồng: 15000000, or groups of three after one separator used throughout (15.000.000, 15,000,000, 15 000 000). */
    private static final Pattern AMOUNT = Pattern.compile("\\d+|\\d{1,3}([., ])\\d{3}(?:\\1\\d{3})*");
    /** Currency words after the number, folded: đ, VNĐ, VND, đồng. */
    private static final Pattern CURRENCY = Pattern.compile("\\s*(?:vnd|dong|d)$");
    /** 999 999 999 999 999 đồng, far above any contribution, and exact as a double. */
    private static final int AMOUNT_DIGITS = 15;

    private CellAmounts() {
    }

    /** The amount of a cell that is not blank. */
    static long amount(Cell cell) {
        if (cell.number() != null) {
            double number = cell.number();
            if (cell.dateFormatted() || number >= Math.pow(10, AMOUNT_DIGITS)) {
                throw new CellProblem("imports.value.amount.invalid", cell.text());
            }
            if (number < 0) {
                throw new CellProblem("imports.value.amount.negative", cell.text());
            }
            if (number != Math.rint(number)) {
                throw new CellProblem("imports.value.amount.decimal", cell.text());
            }
            return (long) number;
        }
        String text = CellValues.cleaned(cell);
        String digits = CURRENCY.matcher(SearchText.fold(text)).replaceFirst("");
        boolean negative = digits.startsWith("-");
        Matcher amount = AMOUNT.matcher(negative ? digits.substring(1).strip() : digits);
        if (!amount.matches()) {
            throw new CellProblem("imports.value.amount.invalid", text);
        }
        if (negative) {
            throw new CellProblem("imports.value.amount.negative", text);
        }
        String bare = digits.replaceAll("[., ]", "");
        if (bare.length() > AMOUNT_DIGITS) {
            throw new CellProblem("imports.value.amount.invalid", text);
        }
        return Long.parseLong(bare);
    }
}
