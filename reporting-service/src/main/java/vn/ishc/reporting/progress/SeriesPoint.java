package vn.ishc.reporting.progress;

import java.time.LocalDate;
import java.util.List;

/** The figures at the end of one period (or on the last day asked for), for charts. */
public record SeriesPoint(LocalDate asOf, ProgressDocument.AreaProgress province, List<ProgressDocument.AreaProgress> districts) {
}
