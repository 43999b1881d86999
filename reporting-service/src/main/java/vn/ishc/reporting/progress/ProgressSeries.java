package vn.ishc.reporting.progress;

import java.util.List;

/** Progress at the end of each month or quarter of a range. */
public record ProgressSeries(ProgressDocument.ProgrammeRef programme, Period period, List<SeriesPoint> points) {

    public enum Period { MONTH, QUARTER, YEAR }
}
