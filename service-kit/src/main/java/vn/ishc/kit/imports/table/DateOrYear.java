package vn.ishc.kit.imports.table;

import java.time.LocalDate;

/** A full date, or only a year when that is all that is known (a birth year): exactly one is set. */
public record DateOrYear(LocalDate date, Integer year) {

    public DateOrYear {
        if ((date == null) == (year == null)) {
            throw new IllegalArgumentException("exactly one of date and year");
        }
    }

    public static DateOrYear ofDate(LocalDate date) {
        return new DateOrYear(date, null);
    }

    public static DateOrYear ofYear(int year) {
        return new DateOrYear(null, year);
    }
}
