package vn.ishc.kit.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Dates and times as native queries return them (JDBC or java.time types, depending on the driver path), read one way. */
public final class SqlTime {

    private SqlTime() {
    }

    /** A {@code date} column; null stays null. */
    public static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate day ? day : ((java.sql.Date) value).toLocalDate();
    }

    /** A {@code timestamptz} column; null stays null. */
    public static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant at ? at : value instanceof OffsetDateTime at ? at.toInstant()
                : ((Timestamp) value).toInstant();
    }
}
