package vn.ishc.reporting.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** New clubs and money add up over the years; maintained clubs and older members are the latest year's. */
class PlanToDateTest {

    private static final List<PlanYearFigures> YEARS = List.of(
            new PlanYearFigures(2019, 10L, 3L, 700L, 60_000_000L),
            new PlanYearFigures(2017, 5L, 2L, 250L, 30_000_000L),
            new PlanYearFigures(2018, 8L, 2L, 500L, 40_000_000L));

    @Test
    void flowsAddUpAndStocksTakeTheLatestYear() {
        PlanToDate to2018 = PlanToDate.of(YEARS, 2018);
        assertEquals(13, to2018.newClubs());
        assertEquals(2, to2018.maintainedClubs());
        assertEquals(500, to2018.olderMembers());
        assertEquals(70_000_000L, to2018.contributionsVnd());
        assertEquals(15, to2018.clubs());
    }

    @Test
    void theWholePlanIsThePlanToItsLastYear() {
        PlanToDate whole = PlanToDate.whole(YEARS);
        assertEquals(2019, whole.throughYear());
        assertEquals(23, whole.newClubs());
        assertEquals(3, whole.maintainedClubs());
        assertEquals(700, whole.olderMembers());
        assertEquals(130_000_000L, whole.contributionsVnd());
    }

    @Test
    void beforeItsFirstYearAPlanHasNothingToDate() {
        assertNull(PlanToDate.of(YEARS, 2016));
    }
}
