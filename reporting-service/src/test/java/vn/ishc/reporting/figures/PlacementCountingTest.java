package vn.ishc.reporting.figures;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Decision 0013 in the counting rules: a club follows its placements, money recorded to a district moves to the province when it ends. */
class PlacementCountingTest {

    private static final LocalDate S = LocalDate.of(2017, 1, 1);
    private static final List<LocalDate> STARTS = List.of(S);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final LocalDate EVE = REFORM.minusDays(1);

    private static long value(FigureDeltas d, String area, Figure f, LocalDate day) {
        return d.valueOn(area, f.key(S), day);
    }

    private static long sum(FigureDeltas d, Figure f, LocalDate day) {
        return value(d, "164", f, day) + value(d, "05443", f, day) + value(d, "19", f, day);
    }

    private static Facts.Club reformedClub(List<Facts.Member> members) {
        return new Facts.Club(List.of(new Facts.Place(LocalDate.of(2018, 3, 15), REFORM, "164"), new Facts.Place(REFORM, null, "05443")),
                LocalDate.of(2018, 3, 15), null, members);
    }

    @Test
    void aClubAndEveryMemberFigureMoveToTheNewAreaOnThePlacementsDay() {
        var older = new Facts.Member("FEMALE", null, 1950, "POOR", LocalDate.of(2018, 4, 1), null);
        var young = new Facts.Member("MALE", null, 1990, "NEAR_POOR", LocalDate.of(2018, 4, 1), null);
        FigureDeltas deltas = CountingRules.club(reformedClub(List.of(older, young)), STARTS);

        for (Figure f : List.of(Figure.CLUBS_ACTIVE, Figure.MEMBERS_OLDER, Figure.MEMBERS_WOMEN, Figure.MEMBERS_POOR, Figure.MEMBERS_NEAR_POOR)) {
            assertEquals(1, value(deltas, "164", f, EVE), f + " in the district on the eve");
            assertEquals(0, value(deltas, "05443", f, EVE), f + " not yet in the commune");
            assertEquals(0, value(deltas, "164", f, REFORM), f + " out of the district");
            assertEquals(1, value(deltas, "05443", f, REFORM), f + " in the commune");
            assertEquals(sum(deltas, f, EVE), sum(deltas, f, REFORM), f + ": the province does not jump");
        }
        assertEquals(2, value(deltas, "164", Figure.MEMBERS_ACTIVE, EVE));
        assertEquals(2, value(deltas, "05443", Figure.MEMBERS_ACTIVE, REFORM));
        assertEquals(0, value(deltas, "05443", Figure.CLUBS_MAINTAINED, REFORM), "established after the start: new, wherever it sits");
        LocalDate laterStart = LocalDate.of(2020, 1, 1);
        FigureDeltas later = CountingRules.club(reformedClub(List.of()), List.of(laterStart));
        assertEquals(1, later.valueOn("164", Figure.CLUBS_MAINTAINED.key(laterStart), EVE));
        assertEquals(1, later.valueOn("05443", Figure.CLUBS_MAINTAINED.key(laterStart), REFORM), "maintained moves with the club");
        assertEquals(0, later.valueOn("164", Figure.CLUBS_MAINTAINED.key(laterStart), REFORM));
    }

    @Test
    void membersCountOnlyWhereTheClubIsWhileTheyAreActive() {
        var leftBefore = new Facts.Member("FEMALE", null, 1950, "NONE", LocalDate.of(2018, 4, 1), LocalDate.of(2024, 1, 1));
        var joinedAfter = new Facts.Member("FEMALE", null, 1950, "NONE", LocalDate.of(2025, 9, 1), null);
        FigureDeltas deltas = CountingRules.club(reformedClub(List.of(leftBefore, joinedAfter)), STARTS);
        assertEquals(1, value(deltas, "164", Figure.MEMBERS_ACTIVE, LocalDate.of(2023, 12, 31)));
        assertEquals(0, value(deltas, "164", Figure.MEMBERS_ACTIVE, EVE));
        assertEquals(0, value(deltas, "05443", Figure.MEMBERS_ACTIVE, REFORM));
        assertEquals(1, value(deltas, "05443", Figure.MEMBERS_ACTIVE, LocalDate.of(2025, 9, 1)));
        assertEquals(0, value(deltas, "164", Figure.MEMBERS_ACTIVE, LocalDate.of(2025, 9, 1)), "never back in the district");
    }

    @Test
    void aClubAwaitingASuccessorCountsAtProvinceLevelUntilAssigned() {
        LocalDate assigned = LocalDate.of(2025, 9, 15);
        var club = new Facts.Club(List.of(new Facts.Place(LocalDate.of(2019, 1, 1), REFORM, "164"),
                new Facts.Place(REFORM, assigned, "19"), new Facts.Place(assigned, null, "05500")),
                LocalDate.of(2019, 1, 1), LocalDate.of(2026, 1, 1), List.of());
        FigureDeltas deltas = CountingRules.club(club, STARTS);
        assertEquals(1, value(deltas, "19", Figure.CLUBS_ACTIVE, REFORM));
        assertEquals(0, value(deltas, "05500", Figure.CLUBS_ACTIVE, REFORM));
        assertEquals(0, value(deltas, "19", Figure.CLUBS_ACTIVE, assigned));
        assertEquals(1, value(deltas, "05500", Figure.CLUBS_ACTIVE, assigned));
        assertEquals(0, value(deltas, "05500", Figure.CLUBS_ACTIVE, LocalDate.of(2026, 1, 1)), "closed");
    }

    @Test
    void aContributionToADistrictCountsAtProvinceLevelFromTheDayTheDistrictEnds() {
        var kept = new Facts.Contribution(UUID.randomUUID(), "164", REFORM, 500, LocalDate.of(2020, 5, 1), null, null);
        var reversedLater = new Facts.Contribution(UUID.randomUUID(), "164", REFORM, 300, LocalDate.of(2020, 5, 1), LocalDate.of(2025, 8, 1), null);
        FigureDeltas deltas = CountingRules.contribution(kept, STARTS).plus(CountingRules.contribution(reversedLater, STARTS));
        assertEquals(800, value(deltas, "164", Figure.RECEIVED_VND, EVE));
        assertEquals(0, value(deltas, "19", Figure.RECEIVED_VND, EVE));
        assertEquals(0, value(deltas, "164", Figure.RECEIVED_VND, REFORM));
        assertEquals(800, value(deltas, "19", Figure.RECEIVED_VND, REFORM));
        assertEquals(500, value(deltas, "19", Figure.RECEIVED_VND, LocalDate.of(2025, 8, 1)), "the reversal leaves the province level");
        var commune = new Facts.Contribution(UUID.randomUUID(), "05443", 700, LocalDate.of(2025, 8, 2), null, null);
        assertEquals(700, value(CountingRules.contribution(commune, STARTS), "05443", Figure.RECEIVED_VND, LocalDate.of(2030, 1, 1)));
    }

    @Test
    void aPledgeToADistrictMovesWithWhatIsStillOutstanding() {
        UUID pledge = UUID.randomUUID();
        var before = new Facts.Contribution(UUID.randomUUID(), "164", REFORM, 400, LocalDate.of(2024, 2, 1), null, pledge);
        var after = new Facts.Contribution(UUID.randomUUID(), "164", REFORM, 250, LocalDate.of(2025, 8, 1), null, pledge);
        FigureDeltas deltas = CountingRules.pledge(new Facts.Pledge("164", REFORM, 1000, LocalDate.of(2024, 1, 1), null, List.of(before, after)));
        assertEquals(600, value(deltas, "164", Figure.PLEDGED_OUTSTANDING_VND, EVE));
        assertEquals(0, value(deltas, "164", Figure.PLEDGED_OUTSTANDING_VND, REFORM));
        assertEquals(600, value(deltas, "19", Figure.PLEDGED_OUTSTANDING_VND, REFORM));
        assertEquals(350, value(deltas, "19", Figure.PLEDGED_OUTSTANDING_VND, LocalDate.of(2025, 8, 1)));
        assertEquals(0, value(deltas, "164", Figure.PLEDGED_OUTSTANDING_VND, LocalDate.of(2025, 8, 1)));
    }
}
