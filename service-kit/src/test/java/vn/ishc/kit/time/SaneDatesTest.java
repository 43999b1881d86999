package vn.ishc.kit.time;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SaneDatesTest {

    @Test
    void isoDatesWithinTheRangeAreRead() {
        assertEquals(Optional.of(LocalDate.of(2019, 5, 20)), SaneDates.parse("2019-05-20"));
        assertEquals(Optional.of(SaneDates.EARLIEST), SaneDates.parse("1900-01-01"));
        assertEquals(Optional.of(SaneDates.LATEST), SaneDates.parse("2100-12-31"));
    }

    @Test
    void everythingElseIsRefused() {
        for (String bad : new String[]{"-5000-01-01", "+99999-01-01", "20190101", "2019-02-30", "2019-13-01", "1899-12-31",
                "2101-01-01", "2019-5-20", "2019-05-20T00:00", " 2019-05-20", "", "١٩٥٥-٠٨-٢٠"}) {
            assertEquals(Optional.empty(), SaneDates.parse(bad), bad);
        }
    }
}
