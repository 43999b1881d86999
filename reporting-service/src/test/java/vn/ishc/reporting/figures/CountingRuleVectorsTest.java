package vn.ishc.reporting.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ishc.reporting.config.Province;
import vn.ishc.testkit.counting.CountingRuleVectors;
import vn.ishc.testkit.counting.CountingRuleVectors.Vector;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ishc.testkit.counting.CountingRuleVectors.date;
import static vn.ishc.testkit.counting.CountingRuleVectors.text;

/** reporting's counting rules give every figure of every shared vector (contracts/counting-rules). */
class CountingRuleVectorsTest {

    static List<Vector> vectors() {
        return CountingRuleVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theRulesGiveTheVectorsFigures(Vector vector) {
        LocalDate start = vector.programmeStart();
        FigureDeltas deltas = new FigureDeltas();
        Set<String> areas = new TreeSet<>(Set.of(Province.CODE));
        for (JsonNode club : vector.clubs()) {
            List<Facts.Member> members = new ArrayList<>();
            club.path("members").forEach(m -> members.add(new Facts.Member(text(m, "gender"), date(m, "birthDate"),
                    m.path("birthYear").isInt() ? m.path("birthYear").asInt() : null, text(m, "householdStatus"),
                    date(m, "joinedOn"), date(m, "leftOn"))));
            deltas.plus(CountingRules.club(new Facts.Club(text(club, "district"), date(club, "establishedOn"),
                    date(club, "closedOn"), members), List.of(start)));
            areas.add(text(club, "district"));
        }
        Map<String, UUID> pledgeIds = new HashMap<>();
        vector.pledges().forEach(p -> pledgeIds.put(text(p, "key"), UUID.randomUUID()));
        List<Facts.Contribution> contributions = new ArrayList<>();
        for (JsonNode c : vector.contributions()) {
            String area = text(c, "district") == null ? Province.CODE : text(c, "district");
            Facts.Contribution contribution = new Facts.Contribution(UUID.randomUUID(), area, c.path("amountVnd").asLong(),
                    date(c, "receivedOn"), date(c, "reversedOn"), pledgeIds.get(text(c, "pledge")));
            contributions.add(contribution);
            deltas.plus(CountingRules.contribution(contribution, List.of(start)));
            areas.add(area);
        }
        for (JsonNode p : vector.pledges()) {
            String area = text(p, "district") == null ? Province.CODE : text(p, "district");
            UUID id = pledgeIds.get(text(p, "key"));
            deltas.plus(CountingRules.pledge(new Facts.Pledge(area, p.path("amountVnd").asLong(), date(p, "pledgedOn"),
                    date(p, "cancelledOn"), contributions.stream().filter(c -> id.equals(c.pledgeId())).toList())));
            areas.add(area);
        }

        int checked = 0;
        for (String area : vector.areas()) {
            // The province is the sum of its districts and its own province-level items.
            List<String> parts = area.equals("province") ? List.copyOf(areas) : List.of(area);
            for (Map.Entry<String, Figure> figure : FIGURES.entrySet()) {
                var expected = vector.expected(area, figure.getKey());
                if (expected.isPresent()) {
                    long actual = parts.stream().mapToLong(a -> value(deltas, a, figure.getValue(), start, vector.asOf())).sum();
                    assertEquals(expected.get(), actual, vector + ", " + area + ", " + figure.getKey());
                    checked++;
                }
            }
            var expectedNew = vector.expected(area, "clubsNew");
            if (expectedNew.isPresent()) {
                long active = parts.stream().mapToLong(a -> value(deltas, a, Figure.CLUBS_ACTIVE, start, vector.asOf())).sum();
                long maintained = parts.stream().mapToLong(a -> value(deltas, a, Figure.CLUBS_MAINTAINED, start, vector.asOf())).sum();
                assertEquals(expectedNew.get(), active - maintained, vector + ", " + area + ", clubsNew");
                checked++;
            }
        }
        assertTrue(checked > 0, "the vector gives no figure reporting computes");
    }

    private static long value(FigureDeltas deltas, String area, Figure figure, LocalDate start, LocalDate day) {
        return deltas.valueOn(area, figure.perProgrammeStart() ? figure.key(start) : figure.key(), day);
    }

    private static final Map<String, Figure> FIGURES = Map.ofEntries(
            Map.entry("clubsActive", Figure.CLUBS_ACTIVE), Map.entry("clubsMaintained", Figure.CLUBS_MAINTAINED),
            Map.entry("membersActive", Figure.MEMBERS_ACTIVE), Map.entry("membersOlder", Figure.MEMBERS_OLDER),
            Map.entry("membersWomen", Figure.MEMBERS_WOMEN), Map.entry("membersPoor", Figure.MEMBERS_POOR),
            Map.entry("membersNearPoor", Figure.MEMBERS_NEAR_POOR), Map.entry("membersHardship", Figure.MEMBERS_HARDSHIP),
            Map.entry("receivedVnd", Figure.RECEIVED_VND), Map.entry("pledgedOutstandingVnd", Figure.PLEDGED_OUTSTANDING_VND));
}
