package vn.ishc.reporting.progress;

import java.time.LocalDate;

/** The progress of one area in force on a date (a district, or after the 2025 reform a commune), as {@code …/progress/areas/{code}} answers it. */
public record AreaProgressDocument(ProgressDocument.ProgrammeRef programme, LocalDate asOf, ProgressDocument.LevelledAreaProgress area,
                                   ProgressDocument.Freshness freshness) {
}
