package vn.ishc.kit.time;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dates this platform accepts from a client: ISO {@code YYYY-MM-DD}, exactly, from 1900-01-01
 * to 2100-12-31. Every real birth date, founding date, receipt and deadline of a programme fits;
 * {@code -5000-01-01}, {@code +99999-01-01} or {@code 20190101} are typing or integration errors
 * (and some cannot be stored by PostgreSQL at all).
 */
public final class SaneDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SaneDates() {
    }

    /** The date written in {@code text}, or empty when it is not an ISO date within the range. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || !ISO_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return isSane(date) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isSane(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
