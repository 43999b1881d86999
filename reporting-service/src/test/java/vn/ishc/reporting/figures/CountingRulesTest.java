package vn.ishc.reporting.figures;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The counting rules as day deltas, checked against the rules read literally on each date. */
class CountingRulesTest {

    private static final LocalDate S = LocalDate.of(2017, 1, 1);
    private static final List<LocalDate> STARTS = List.of(S);

    private static long value(FigureDeltas d, String area, Figure f, LocalDate day) {
        return d.valueOn(area, f.key(S), day);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aMemberIsOlderFromTheDayTheyTurnSixty() {
        var member = new Facts.Member("MALE", d("1958-06-30"), null, "NONE", d("2017-03-01"), null);
        FigureDeltas deltas = CountingRules.club(new Facts.Club("164", d("2017-01-15"), null, List.of(member)), STARTS);
        assertEquals(0, value(deltas, "164", Figure.MEMBERS_OLDER, d("2018-06-29")));
        assertEquals(1, value(deltas, "164", Figure.MEMBERS_OLDER, d("2018-06-30")));
        assertEquals(1, value(deltas, "164", Figure.MEMBERS_ACTIVE, d("2018-06-29")));
    }

    @Test
    void aMemberKnownByBirthYearIsOlderFromTheFirstOfJanuary() {
        var member = new Facts.Member("FEMALE", null, 1959, "POOR", d("2017-03-01"), null);
        FigureDeltas deltas = CountingRules.club(new Facts.Club("164", d("2017-01-15"), null, List.of(member)), STARTS);
        assertEquals(0, value(deltas, "164", Figure.MEMBERS_OLDER, d("2018-12-31")));
        assertEquals(1, value(deltas, "164", Figure.MEMBERS_OLDER, d("2019-01-01")));
    }

    @Test
    void aLeapDayBirthdayTurnsSixtyOnTheFirstOfMarchInACommonYear() {
        assertEquals(d("2100-03-01"), CountingRules.olderFrom(d("2040-02-29"), null));
        assertEquals(d("2024-02-29"), CountingRules.olderFrom(d("1964-02-29"), null));
        assertEquals(null, CountingRules.olderFrom(null, null));
    }

    @Test
    void membersStopCountingWhenTheyLeaveOrTheirClubCloses() {
        var left = new Facts.Member("FEMALE", null, 1950, "HARDSHIP", d("2017-03-01"), d("2018-05-01"));
        var stays = new Facts.Member("MALE", null, 1950, "NEAR_POOR", d("2017-03-01"), null);
        FigureDeltas deltas = CountingRules.club(new Facts.Club("165", d("2016-05-01"), d("2019-01-01"), List.of(left, stays)), STARTS);
        assertEquals(2, value(deltas, "165", Figure.MEMBERS_ACTIVE, d("2018-04-30")));
        assertEquals(1, value(deltas, "165", Figure.MEMBERS_ACTIVE, d("2018-05-01")));
        assertEquals(0, value(deltas, "165", Figure.MEMBERS_HARDSHIP, d("2018-05-01")));
        assertEquals(1, value(deltas, "165", Figure.MEMBERS_NEAR_POOR, d("2018-12-31")));
        assertEquals(0, value(deltas, "165", Figure.MEMBERS_ACTIVE, d("2019-01-01")));
        assertEquals(1, value(deltas, "165", Figure.CLUBS_MAINTAINED, d("2018-12-31")), "established before the start");
        assertEquals(0, value(deltas, "165", Figure.CLUBS_ACTIVE, d("2019-01-01")));
    }

    @Test
    void contributionsCountFromTheProgrammeStartUntilReversed() {
        var before = new Facts.Contribution(UUID.randomUUID(), "164", 500, d("2016-12-31"), null, null);
        var reversed = new Facts.Contribution(UUID.randomUUID(), "19", 700, d("2017-02-01"), d("2017-03-01"), null);
        FigureDeltas deltas = CountingRules.contribution(before, STARTS).plus(CountingRules.contribution(reversed, STARTS));
        assertEquals(0, value(deltas, "164", Figure.RECEIVED_VND, d("2020-01-01")));
        assertEquals(700, value(deltas, "19", Figure.RECEIVED_VND, d("2017-02-28")));
        assertEquals(0, value(deltas, "19", Figure.RECEIVED_VND, d("2017-03-01")));
    }

    @Test
    void pledgedOutstandingFollowsFulfilmentsAndNeverGoesBelowZero() {
        UUID pledge = UUID.randomUUID();
        var part = new Facts.Contribution(UUID.randomUUID(), "164", 400, d("2018-02-01"), null, pledge);
        var more = new Facts.Contribution(UUID.randomUUID(), "164", 900, d("2018-03-01"), d("2018-04-01"), pledge);
        FigureDeltas deltas = CountingRules.pledge(new Facts.Pledge("164", 1000, d("2018-01-01"), d("2018-06-01"), List.of(part, more)));
        assertEquals(0, value(deltas, "164", Figure.PLEDGED_OUTSTANDING_VND, d("2017-12-31")));
        assertEquals(1000, value(deltas, "164", Figure.PLEDGED_OUTSTANDING_VND, d("2018-01-01")));
        assertEquals(600, value(deltas, "164", Figure.PLEDGED_OUTSTANDING_VND, d("2018-02-01")));
        assertEquals(0, value(deltas, "164", Figure.PLEDGED_OUTSTANDING_VND, d("2018-03-01")), "over-fulfilled");
        assertEquals(600, value(deltas, "164", Figure.PLEDGED_OUTSTANDING_VND, d("2018-04-01")), "the larger one reversed");
        assertEquals(0, value(deltas, "164", Figure.PLEDGED_OUTSTANDING_VND, d("2018-06-01")), "cancelled");
    }

    @Test
    void aChangeIsTheDifferenceBetweenTheOldAndTheNewState() {
        var member = new Facts.Member("FEMALE", null, 1950, "NONE", d("2017-03-01"), null);
        var before = new Facts.Club("164", d("2017-02-01"), null, List.of(member));
        var moved = new Facts.Club("165", d("2017-02-01"), d("2018-01-01"), List.of(member));
        FigureDeltas applied = CountingRules.club(before, STARTS).plus(
                FigureDeltas.change(CountingRules.club(before, STARTS), CountingRules.club(moved, STARTS)));
        assertEquals(0, value(applied, "164", Figure.MEMBERS_ACTIVE, d("2017-06-01")));
        assertEquals(1, value(applied, "165", Figure.MEMBERS_WOMEN, d("2017-06-01")));
        assertEquals(0, value(applied, "165", Figure.CLUBS_ACTIVE, d("2018-01-01")));
        assertEquals(CountingRules.club(moved, STARTS).asMap(), applied.asMap());
    }

    /** The area a club is placed in on the day, read literally from its placements. */
    private static String areaOn(Facts.Club club, LocalDate day) {
        for (Facts.Place p : club.places()) {
            if ((p.from() == null || !p.from().isAfter(day)) && (p.until() == null || p.until().isAfter(day))) {
                return p.area();
            }
        }
        return null;
    }

    /** Random clubs, half of them moving once: every figure on random dates equals a literal count by the rules of DESIGN.md. */
    @Test
    void randomClubsGiveTheSameFiguresAsCountingMembersOneByOne() {
        Random random = new Random(957);
        List<Facts.Club> clubs = new ArrayList<>();
        FigureDeltas deltas = new FigureDeltas();
        for (int c = 0; c < 200; c++) {
            LocalDate established = d("2015-01-01").plusDays(random.nextInt(2000));
            LocalDate closed = random.nextInt(5) == 0 ? established.plusDays(random.nextInt(1500)) : null;
            List<Facts.Member> members = new ArrayList<>();
            for (int m = 0; m < random.nextInt(15); m++) {
                LocalDate born = d("1930-01-01").plusDays(random.nextInt(25000));
                LocalDate joined = established.plusDays(random.nextInt(700));
                members.add(new Facts.Member(random.nextBoolean() ? "FEMALE" : "MALE", random.nextBoolean() ? born : null, born.getYear(),
                        List.of("POOR", "NEAR_POOR", "HARDSHIP", "NONE").get(random.nextInt(4)), joined,
                        random.nextInt(4) == 0 ? joined.plusDays(random.nextInt(900)) : null));
            }
            String first = random.nextBoolean() ? "164" : "168";
            // Half the clubs move once (a merge or the 2025 reform): to the other district or to a commune.
            LocalDate moved = random.nextBoolean() ? established.plusDays(random.nextInt(1800) - 200) : null;
            Facts.Club club = moved == null ? new Facts.Club(first, established, closed, members)
                    : new Facts.Club(List.of(new Facts.Place(established, moved, first),
                            new Facts.Place(moved, null, random.nextBoolean() ? "05443" : first.equals("164") ? "168" : "164")),
                    established, closed, members);
            clubs.add(club);
            deltas.plus(CountingRules.club(club, STARTS));
        }
        for (int i = 0; i < 300; i++) {
            LocalDate day = S.plusDays(random.nextInt(2500));
            for (String area : List.of("164", "168", "05443")) {
                long active = 0, maintained = 0, members = 0, older = 0, women = 0, poor = 0;
                for (Facts.Club club : clubs) {
                    boolean clubActive = area.equals(areaOn(club, day)) && !club.establishedOn().isAfter(day)
                            && (club.closedOn() == null || club.closedOn().isAfter(day));
                    if (!clubActive) {
                        continue;
                    }
                    active++;
                    maintained += club.establishedOn().isBefore(S) ? 1 : 0;
                    for (Facts.Member m : club.members()) {
                        if (m.joinedOn().isAfter(day) || (m.leftOn() != null && !m.leftOn().isAfter(day))) {
                            continue;
                        }
                        members++;
                        boolean isOlder = m.birthDate() != null ? !m.birthDate().isAfter(day.minusYears(60)) : day.getYear() - m.birthYear() >= 60;
                        older += isOlder ? 1 : 0;
                        women += "FEMALE".equals(m.gender()) ? 1 : 0;
                        poor += "POOR".equals(m.householdStatus()) ? 1 : 0;
                    }
                }
                String at = " in " + area + " on " + day;
                assertEquals(active, value(deltas, area, Figure.CLUBS_ACTIVE, day), "clubs" + at);
                assertEquals(maintained, value(deltas, area, Figure.CLUBS_MAINTAINED, day), "maintained" + at);
                assertEquals(members, value(deltas, area, Figure.MEMBERS_ACTIVE, day), "members" + at);
                assertEquals(older, value(deltas, area, Figure.MEMBERS_OLDER, day), "older" + at);
                assertEquals(women, value(deltas, area, Figure.MEMBERS_WOMEN, day), "women" + at);
                assertEquals(poor, value(deltas, area, Figure.MEMBERS_POOR, day), "poor" + at);
            }
        }
    }
}
