package vn.ishc.kit.time;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * The dates this platform accepts from a client: ISO {@code YYYY-MM-DD}, exactly, from 1900-01-01
 * to 2100-12-31. Every real birth date, founding date, receipt and deadline of a programme fits;
 * {@code -5000-01-01}, {@code +99999-01-01} or {@code 20190101} are typing or integration errors
 * (and some cannot be stored by PostgreSQL at all).
 */
public final class SaneDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private SaneDates() {
    }

    /** The date written in {@code text}, or empty when it is not an ISO date within the range. */
    public static Optional<LocalDate> parse(String text) {
        // Read by hand: a regular expression and DateTimeFormatter for every date cost a tenth of
        // reading a club snapshot's members.
        if (text == null || text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return isSane(date) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The number written in ASCII digits from {@code from} to {@code to}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static boolean isSane(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
