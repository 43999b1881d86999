package vn.ishc.kit.time;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SqlTimeTest {

    @Test
    void everyFormADriverReturnsReadsTheSame() {
        LocalDate day = LocalDate.of(2019, 6, 30);
        assertEquals(day, SqlTime.date(day));
        assertEquals(day, SqlTime.date(java.sql.Date.valueOf(day)));
        assertNull(SqlTime.date(null));
        Instant at = Instant.parse("2026-11-29T02:10:00Z");
        assertEquals(at, SqlTime.instant(at));
        assertEquals(at, SqlTime.instant(Timestamp.from(at)));
        assertEquals(at, SqlTime.instant(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(7))));
        assertNull(SqlTime.instant(null));
    }
}
