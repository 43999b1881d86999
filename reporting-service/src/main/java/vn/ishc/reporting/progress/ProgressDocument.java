package vn.ishc.reporting.progress;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The progress document of DESIGN.md: a programme's figures on one date, province and districts. */
public record ProgressDocument(ProgrammeRef programme, LocalDate asOf, AreaProgress province, List<AreaProgress> districts,
                               Freshness freshness) {

    public record ProgrammeRef(String code, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    public record AreaProgress(String code, String name, ClubFigures clubs, MemberFigures members,
                               ContributionFigures contributions, Targets targets) {
    }

    /** {@code new}: established on or after the programme start; {@code maintained}: before it. */
    public record ClubFigures(long active, @JsonProperty("new") long newlyEstablished, long maintained) {
    }

    public record MemberFigures(long active, long older, long women, long poor, long nearPoor, long hardship) {
    }

    public record ContributionFigures(long receivedVnd, long pledgedOutstandingVnd) {
    }

    /** Null where no target has been set for the area. */
    public record Targets(Integer clubs, Integer olderMembers, Long contributionsVnd) {
    }

    /** The newest event time applied from each source; null until its first event arrives. */
    public record Freshness(Instant registryThrough, Instant fundingThrough) {
    }
}
