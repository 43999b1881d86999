package vn.ishc.reporting.programme;

/** How a programme's report periods are cut. */
public enum PeriodScheme {
    /**
     * Decree 09/2019/NĐ-CP, Article 12: figures from the 15th of the month before the period to the
     * 14th of its last month (six months: 15 December – 14 June; a year: 15 December – 14 December).
     */
    DECREE_09,
    /** Calendar half-years and years: 1 January – 30 June, 1 January – 31 December. */
    CALENDAR
}
