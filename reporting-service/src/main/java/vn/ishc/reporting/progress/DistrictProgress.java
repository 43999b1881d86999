package vn.ishc.reporting.progress;

import java.time.LocalDate;

/** The progress of one district on a date, as {@code …/progress/districts/{code}} answers it. */
public record DistrictProgress(ProgressDocument.ProgrammeRef programme, LocalDate asOf, ProgressDocument.AreaProgress district,
                               ProgressDocument.Freshness freshness) {
}
