package vn.ishc.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ishc.reporting.plan.PlanToDate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a district report: stocks on the period's cut-off date as progress counts them,
 * flows within the period, and attainment against the approved plan and the programme targets.
 */
@Schema(name = "ReportFigures", description = "Số liệu của báo cáo: số tồn tại ngày chốt, số phát sinh trong kỳ, tỷ lệ đạt. "
        + "Stocks on the cut-off date, flows within the period, attainment in percent (null without a plan or target).")
public record ReportFigures(Stocks stocks, Flows flows,
                            @Schema(description = "The approved plan up to the period's year; null without one", nullable = true) PlanToDate plan,
                            @Schema(nullable = true) Targets targets,
                            Attainment attainmentOfPlan, Attainment attainmentOfTargets) {

    public record Stocks(long activeClubs, long newClubs, long maintainedClubs, long members, long olderMembers, long women,
                         long poor, long nearPoor, long hardship,
                         @Schema(description = "Money received since the programme start, to the cut-off") long receivedVndToDate,
                         long pledgedOutstandingVnd) {
    }

    public record Flows(long clubsEstablished, long clubsClosed, long membersJoined, long membersLeft,
                        @Schema(description = "Money received within the period (reversals counted as progress counts them)") long receivedVnd) {
    }

    public record Targets(@Schema(nullable = true) Integer clubs, @Schema(nullable = true) Integer olderMembers,
                          @Schema(nullable = true) Long contributionsVnd) {
    }

    /** Percent, one decimal; null where there is nothing to attain. */
    public record Attainment(@Schema(nullable = true) Double clubs, @Schema(nullable = true) Double olderMembers,
                             @Schema(nullable = true) Double contributionsVnd) {

        static Attainment of(long clubs, long older, long vnd, Long clubsGoal, Long olderGoal, Long vndGoal) {
            return new Attainment(percent(clubs, clubsGoal), percent(older, olderGoal), percent(vnd, vndGoal));
        }

        private static Double percent(long actual, Long goal) {
            return vn.ishc.reporting.progress.ProgressDocument.Attainment.percent(actual, goal);
        }
    }

    /** A figure whose live value differs from the frozen one. */
    public record Difference(@Schema(example = "stocks.members") String figure, @Schema(example = "120") Object frozen,
                             @Schema(example = "121") Object live) {
    }

    /** The counts and amounts that differ between this (frozen) and {@code live}, by name. */
    public List<Difference> differencesFrom(ReportFigures live) {
        Map<String, Object> mine = flat(this);
        Map<String, Object> theirs = flat(live);
        List<Difference> differences = new ArrayList<>();
        mine.forEach((name, value) -> {
            Object other = theirs.get(name);
            if (!java.util.Objects.equals(value, other)) {
                differences.add(new Difference(name, value, other));
            }
        });
        return differences;
    }

    private static Map<String, Object> flat(ReportFigures f) {
        Map<String, Object> values = new LinkedHashMap<>();
        Stocks s = f.stocks();
        values.put("stocks.activeClubs", s.activeClubs());
        values.put("stocks.newClubs", s.newClubs());
        values.put("stocks.maintainedClubs", s.maintainedClubs());
        values.put("stocks.members", s.members());
        values.put("stocks.olderMembers", s.olderMembers());
        values.put("stocks.women", s.women());
        values.put("stocks.poor", s.poor());
        values.put("stocks.nearPoor", s.nearPoor());
        values.put("stocks.hardship", s.hardship());
        values.put("stocks.receivedVndToDate", s.receivedVndToDate());
        values.put("stocks.pledgedOutstandingVnd", s.pledgedOutstandingVnd());
        Flows l = f.flows();
        values.put("flows.clubsEstablished", l.clubsEstablished());
        values.put("flows.clubsClosed", l.clubsClosed());
        values.put("flows.membersJoined", l.membersJoined());
        values.put("flows.membersLeft", l.membersLeft());
        values.put("flows.receivedVnd", l.receivedVnd());
        return values;
    }
}
