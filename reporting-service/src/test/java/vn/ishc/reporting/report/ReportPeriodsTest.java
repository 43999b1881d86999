package vn.ishc.reporting.report;

import org.junit.jupiter.api.Test;
import vn.ishc.reporting.programme.PeriodScheme;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Decree 09/2019 cut-off dates and the calendar option, across year boundaries. */
class ReportPeriodsTest {

    private static final LocalDate START = LocalDate.of(2017, 1, 1);
    private static final LocalDate END = LocalDate.of(2020, 12, 31);

    @Test
    void decree09SixMonthsRunFromTheFifteenthOfDecemberBeforeToTheFourteenthOfJune() {
        ReportPeriod h1 = ReportPeriods.find(START, END, PeriodScheme.DECREE_09, 6, "2018-H1").orElseThrow();
        assertEquals(LocalDate.of(2017, 12, 15), h1.from());
        assertEquals(LocalDate.of(2018, 6, 14), h1.to());
        assertEquals(LocalDate.of(2018, 6, 20), h1.dueOn());
        assertEquals(ReportPeriod.Kind.HALF_YEAR, h1.kind());
    }

    @Test
    void decree09YearRunsFromTheFifteenthOfDecemberBeforeToTheFourteenthOfDecember() {
        ReportPeriod year = ReportPeriods.find(START, END, PeriodScheme.DECREE_09, 6, "2019-Y").orElseThrow();
        assertEquals(LocalDate.of(2018, 12, 15), year.from());
        assertEquals(LocalDate.of(2019, 12, 14), year.to());
        assertEquals(LocalDate.of(2019, 12, 20), year.dueOn());
        // the days from 15 December on belong to the next year's periods, not to this one
        assertTrue(year.contains(LocalDate.of(2018, 12, 15)));
        assertFalse(year.contains(LocalDate.of(2019, 12, 15)));
        ReportPeriod next = ReportPeriods.find(START, END, PeriodScheme.DECREE_09, 6, "2020-H1").orElseThrow();
        assertTrue(next.contains(LocalDate.of(2019, 12, 15)));
        assertTrue(next.contains(LocalDate.of(2020, 1, 1)));
    }

    @Test
    void aLeapYearChangesNothingAtTheCutOffs() {
        ReportPeriod h1 = ReportPeriods.find(START, END, PeriodScheme.DECREE_09, 0, "2020-H1").orElseThrow();
        assertEquals(LocalDate.of(2019, 12, 15), h1.from());
        assertEquals(LocalDate.of(2020, 6, 14), h1.to());
        assertEquals(h1.to(), h1.dueOn());
    }

    @Test
    void calendarPeriodsAreHalfYearsAndYears() {
        ReportPeriod h1 = ReportPeriods.find(START, END, PeriodScheme.CALENDAR, 10, "2017-H1").orElseThrow();
        assertEquals(LocalDate.of(2017, 1, 1), h1.from());
        assertEquals(LocalDate.of(2017, 6, 30), h1.to());
        assertEquals(LocalDate.of(2017, 7, 10), h1.dueOn());
        ReportPeriod year = ReportPeriods.find(START, END, PeriodScheme.CALENDAR, 10, "2020-Y").orElseThrow();
        assertEquals(LocalDate.of(2020, 1, 1), year.from());
        assertEquals(LocalDate.of(2020, 12, 31), year.to());
        assertEquals(LocalDate.of(2021, 1, 10), year.dueOn());
    }

    @Test
    void aProgrammeHasASixMonthlyAndAnAnnualPeriodForEachOfItsYears() {
        List<String> codes = ReportPeriods.of(START, END, PeriodScheme.DECREE_09, 6).stream().map(ReportPeriod::code).toList();
        assertEquals(List.of("2017-H1", "2017-Y", "2018-H1", "2018-Y", "2019-H1", "2019-Y", "2020-H1", "2020-Y"), codes);
        assertTrue(ReportPeriods.find(START, END, PeriodScheme.DECREE_09, 6, "2021-H1").isEmpty());
        assertTrue(ReportPeriods.find(START, END, PeriodScheme.DECREE_09, 6, "2018-Q1").isEmpty());
    }
}
