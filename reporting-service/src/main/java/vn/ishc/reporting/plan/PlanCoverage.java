package vn.ishc.reporting.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Whether the approved district plans add up to the programme's targets, per year and in total, and where not. */
@Schema(name = "PlanCoverage", description = "Kế hoạch các huyện đã duyệt so với chỉ tiêu chương trình. "
        + "The approved district plans against the programme's targets: `clubs` compares new + maintained clubs of the whole plan.")
public record PlanCoverage(
        @Schema(example = "TN-ISHC-2017-2020") String programmeCode,
        List<DistrictCoverage> districts,
        @Schema(description = "The approved plans summed per year") List<PlanYearFigures> perYear,
        @Schema(description = "The approved plans summed over the whole programme") PlanToDate whole,
        Figures provinceTargets,
        @Schema(description = "Per figure: do the approved plans add up to the province target? Null without a target.") Matches addsUp,
        @Schema(description = "Districts without an approved plan") List<String> withoutApprovedPlan) {

    public record DistrictCoverage(String code, String name,
                                   @Schema(description = "The approved revision in force, if any") Integer approvedRevision,
                                   @Schema(description = "The status of the district's latest revision, if any") String latestStatus,
                                   PlanToDate whole, Figures target,
                                   @Schema(description = "Per figure: does the approved plan reach the district target? Null without one.") Matches matchesTarget) {
    }

    public record Figures(@Schema(nullable = true) Long clubs, @Schema(nullable = true) Long olderMembers,
                          @Schema(nullable = true) Long contributionsVnd) {
    }

    public record Matches(@Schema(nullable = true) Boolean clubs, @Schema(nullable = true) Boolean olderMembers,
                          @Schema(nullable = true) Boolean contributionsVnd) {

        static Matches of(PlanToDate plan, Figures target) {
            if (target == null) {
                return new Matches(null, null, null);
            }
            PlanToDate p = plan == null ? PlanToDate.NONE : plan;
            return new Matches(target.clubs() == null ? null : p.clubs() == target.clubs(),
                    target.olderMembers() == null ? null : p.olderMembers() == target.olderMembers(),
                    target.contributionsVnd() == null ? null : p.contributionsVnd() == target.contributionsVnd());
        }
    }
}
