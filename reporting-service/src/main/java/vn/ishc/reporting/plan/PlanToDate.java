package vn.ishc.reporting.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Comparator;
import java.util.List;

/**
 * A plan summed up to the end of a year, in the terms of progress: new clubs and money are flows and
 * add up over the years; maintained clubs and older members are stocks and take the latest year's
 * figure. Up to the last year, it is the whole plan.
 */
@Schema(name = "PlanToDate", description = "Kế hoạch cộng dồn đến hết năm. The plan up to the end of `throughYear`: "
        + "new clubs and money summed over the years, maintained clubs and older members as planned for the latest year.")
public record PlanToDate(
        @Schema(example = "2018") Integer throughYear,
        @Schema(example = "15") long newClubs,
        @Schema(example = "2") long maintainedClubs,
        @Schema(example = "700") long olderMembers,
        @Schema(example = "90000000") long contributionsVnd) {

    public static final PlanToDate NONE = new PlanToDate(null, 0, 0, 0, 0);

    /** Null when the plan has no year up to {@code throughYear}. */
    public static PlanToDate of(List<PlanYearFigures> years, int throughYear) {
        List<PlanYearFigures> upTo = years.stream().filter(y -> y.year() <= throughYear)
                .sorted(Comparator.comparing(PlanYearFigures::year)).toList();
        if (upTo.isEmpty()) {
            return null;
        }
        PlanYearFigures latest = upTo.get(upTo.size() - 1);
        return new PlanToDate(throughYear, upTo.stream().mapToLong(PlanYearFigures::newClubs).sum(), latest.maintainedClubs(),
                latest.olderMembers(), upTo.stream().mapToLong(PlanYearFigures::contributionsVnd).sum());
    }

    /** The whole plan. */
    public static PlanToDate whole(List<PlanYearFigures> years) {
        return of(years, years.stream().mapToInt(PlanYearFigures::year).max().orElse(Integer.MIN_VALUE));
    }

    /** Active clubs the plan stands for: the new ones and the maintained ones. */
    public long clubs() {
        return newClubs + maintainedClubs;
    }

    public PlanToDate plus(PlanToDate other) {
        if (other == null) {
            return this;
        }
        return new PlanToDate(throughYear != null ? throughYear : other.throughYear, newClubs + other.newClubs,
                maintainedClubs + other.maintainedClubs, olderMembers + other.olderMembers, contributionsVnd + other.contributionsVnd);
    }
}
