package vn.ishc.reporting.progress;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ishc.reporting.plan.PlanToDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The progress document of DESIGN.md: a programme's figures on one date, province and districts. */
public record ProgressDocument(ProgrammeRef programme, LocalDate asOf, AreaProgress province, List<AreaProgress> districts,
                               Freshness freshness) {

    public record ProgrammeRef(String code, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    public record AreaProgress(String code, String name, ClubFigures clubs, MemberFigures members,
                               ContributionFigures contributions, Targets targets,
                               @Schema(description = "Kế hoạch đã duyệt cộng dồn đến hết năm của ngày báo cáo. The approved district plans "
                                       + "up to the end of the asOf year (for the province, the districts' summed); null without an approved plan.",
                                       nullable = true) PlanToDate plan,
                               @Schema(description = "Tỷ lệ đạt so với kế hoạch (%). Active clubs, older members and money received "
                                       + "against the plan to date, in percent; null without a plan.", nullable = true) Attainment attainmentOfPlan) {
    }

    /** Percent, one decimal; a figure is null where the plan has nothing to attain. */
    public record Attainment(@Schema(nullable = true) Double clubs, @Schema(nullable = true) Double olderMembers,
                             @Schema(nullable = true) Double contributionsVnd) {

        public static Attainment of(long clubs, long older, long vnd, PlanToDate plan) {
            if (plan == null) {
                return null;
            }
            return new Attainment(percent(clubs, plan.clubs()), percent(older, plan.olderMembers()), percent(vnd, plan.contributionsVnd()));
        }

        public static Double percent(long actual, Long goal) {
            return goal == null || goal == 0 ? null : Math.round(actual * 1000.0 / goal) / 10.0;
        }
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
