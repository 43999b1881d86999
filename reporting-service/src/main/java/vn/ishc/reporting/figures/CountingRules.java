package vn.ishc.reporting.figures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The counting rules of DESIGN.md turned into day deltas: what one club (with its members), one
 * contribution or one pledge adds to each figure, from which day and until which day.
 */
public final class CountingRules {

    static final int OLDER_AGE = 60;

    private CountingRules() {
    }

    /**
     * A club counts while active: from establishment until (not on) its closing day; so do its
     * active members. Each day it counts in the area it is placed in that day: a move on day X is
     * −1 in the old area and +1 in the new one on X, for the club and every member figure.
     */
    public static FigureDeltas club(Facts.Club club, Collection<LocalDate> programmeStarts) {
        FigureDeltas deltas = new FigureDeltas();
        if (club == null) {
            return deltas;
        }
        List<Facts.Place> places = club.places();
        LocalDate opened = club.establishedOn();
        LocalDate closed = club.closedOn();
        placed(deltas, places, Figure.CLUBS_ACTIVE.key(), opened, closed, 1);
        for (LocalDate start : programmeStarts) {
            if (opened.isBefore(start)) {
                placed(deltas, places, Figure.CLUBS_MAINTAINED.key(start), opened, closed, 1);
            }
        }
        for (Facts.Member m : club.members()) {
            LocalDate from = later(m.joinedOn(), opened);
            LocalDate until = earlier(m.leftOn(), closed);
            placed(deltas, places, Figure.MEMBERS_ACTIVE.key(), from, until, 1);
            LocalDate olderFrom = olderFrom(m.birthDate(), m.birthYear());
            if (olderFrom != null) {
                placed(deltas, places, Figure.MEMBERS_OLDER.key(), later(from, olderFrom), until, 1);
            }
            if ("FEMALE".equals(m.gender())) {
                placed(deltas, places, Figure.MEMBERS_WOMEN.key(), from, until, 1);
            }
            Figure household = switch (String.valueOf(m.householdStatus())) {
                case "POOR" -> Figure.MEMBERS_POOR;
                case "NEAR_POOR" -> Figure.MEMBERS_NEAR_POOR;
                case "HARDSHIP" -> Figure.MEMBERS_HARDSHIP;
                default -> null;
            };
            if (household != null) {
                placed(deltas, places, household.key(), from, until, 1);
            }
        }
        return deltas;
    }

    /** Adds {@code amount} from {@code from} until {@code until}, in whichever area each day of it is placed. */
    private static void placed(FigureDeltas deltas, List<Facts.Place> places, String figure, LocalDate from, LocalDate until, long amount) {
        for (Facts.Place place : places) {
            deltas.interval(place.area(), figure, later(from, place.from()), earlier(until, place.until()), amount);
        }
    }

    /** A contribution counts from its receipt until its reversal, for programmes that started on or before its receipt. */
    public static FigureDeltas contribution(Facts.Contribution c, Collection<LocalDate> programmeStarts) {
        FigureDeltas deltas = new FigureDeltas();
        if (c == null) {
            return deltas;
        }
        for (LocalDate start : programmeStarts) {
            if (!c.receivedOn().isBefore(start)) {
                placed(deltas, c.places(), Figure.RECEIVED_VND.key(start), c.receivedOn(), c.reversedOn(), c.amountVnd());
            }
        }
        return deltas;
    }

    /**
     * Outstanding on D: while the pledge stands (made, not cancelled), its amount less what the
     * contributions naming it have brought by D, never below zero. A step function, evaluated at
     * each day one of its inputs changes, in the area the pledge counts in that day (its district
     * until the district ends, the province level from then on).
     */
    public static FigureDeltas pledge(Facts.Pledge p) {
        FigureDeltas deltas = new FigureDeltas();
        if (p == null) {
            return deltas;
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(p.pledgedOn());
        if (p.cancelledOn() != null) {
            days.add(p.cancelledOn());
        }
        for (Facts.Contribution c : p.fulfilments()) {
            days.add(c.receivedOn());
            if (c.reversedOn() != null) {
                days.add(c.reversedOn());
            }
        }
        List<Facts.Place> places = p.places();
        places.stream().map(Facts.Place::from).filter(java.util.Objects::nonNull).forEach(days::add);
        long previous = 0;
        String previousArea = null;
        String figure = Figure.PLEDGED_OUTSTANDING_VND.key();
        for (LocalDate day : days) {
            long value = outstandingOn(p, day);
            String area = areaOn(places, day);
            if (previousArea != null && !previousArea.equals(area)) {
                deltas.add(new FigureDeltas.Key(previousArea, figure, day), -previous); // it moves: out of the old area
                previous = 0;
            }
            if (value != previous) {
                deltas.add(new FigureDeltas.Key(area, figure, day), value - previous);
                previous = value;
            }
            previousArea = area;
        }
        return deltas;
    }

    private static String areaOn(List<Facts.Place> places, LocalDate day) {
        for (Facts.Place place : places) {
            if ((place.from() == null || !place.from().isAfter(day)) && (place.until() == null || place.until().isAfter(day))) {
                return place.area();
            }
        }
        return places.get(places.size() - 1).area();
    }

    static long outstandingOn(Facts.Pledge p, LocalDate day) {
        if (p.pledgedOn().isAfter(day) || (p.cancelledOn() != null && !p.cancelledOn().isAfter(day))) {
            return 0;
        }
        long fulfilled = 0;
        for (Facts.Contribution c : p.fulfilments()) {
            if (!c.receivedOn().isAfter(day) && (c.reversedOn() == null || c.reversedOn().isAfter(day))) {
                fulfilled += c.amountVnd();
            }
        }
        return Math.max(0, p.amountVnd() - fulfilled);
    }

    /**
     * The first day a person is 60: with a birth date, the first D with D − 60 years ≥ birth date (a
     * 29 February birthday in a non-leap 60th year counts from 1 March); with a birth year only,
     * 1 January of the year they turn 60 (reporting year − birth year ≥ 60, as registry counts).
     */
    public static LocalDate olderFrom(LocalDate birthDate, Integer birthYear) {
        if (birthDate != null) {
            LocalDate day = birthDate.plusYears(OLDER_AGE);
            return day.minusYears(OLDER_AGE).isBefore(birthDate) ? day.plusDays(1) : day;
        }
        return birthYear == null ? null : LocalDate.of(birthYear + OLDER_AGE, 1, 1);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** The earlier of two end days, null meaning "not ended". */
    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
