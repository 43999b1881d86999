package vn.ishc.kit.imports.table;

import org.apache.poi.ss.usermodel.DateUtil;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as district officers type them, or as Excel stores them (serial numbers of the 1900 date system). */
final class CellDates {

    static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST = LocalDate.of(2100, 12, 31);
    /** 31/12/9999, the last day Excel knows. */
    private static final double LAST_SERIAL = 2_958_465;
    /** Excel counts a 29/02/1900 that never was (a Lotus 1-2-3 bug kept for compatibility). */
    private static final int FAKE_LEAP_DAY = 60;

    /** Day first, as written in Vietnam: 5/3/2018, 05-03-2018, 05.03.2018, the same separator twice. */
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private CellDates() {
    }

    /** A date from the cell's cleaned text, or null when it is not written as a date. */
    static LocalDate fromText(String text) {
        Matcher dayFirst = DAY_FIRST.matcher(text);
        if (dayFirst.matches()) {
            return checked(text, dayFirst.group(4), dayFirst.group(3), dayFirst.group(1));
        }
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) {
            return checked(text, iso.group(1), iso.group(2), iso.group(3));
        }
        return null;
    }

    /** The day of an Excel serial number (its time of day dropped). */
    static LocalDate fromSerial(double serial, String text) {
        if (!(serial >= 1 && serial < LAST_SERIAL + 1)) {
            throw new CellProblem("imports.value.date.outOfRange", text);
        }
        double day = Math.floor(serial);
        if (day == FAKE_LEAP_DAY) {
            throw new CellProblem("imports.value.date.impossible", "29/02/1900");
        }
        LocalDate date = DateUtil.getLocalDateTime(day).toLocalDate();
        return inRange(date, date);
    }

    private static LocalDate checked(String text, String year, String month, String day) {
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new CellProblem("imports.value.date.impossible", text);
        }
        return inRange(date, text);
    }

    /** The range every date of the platform keeps to (as for dates in JSON requests). */
    private static LocalDate inRange(LocalDate date, Object shown) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new CellProblem("imports.value.date.outOfRange", shown);
        }
        return date;
    }
}
