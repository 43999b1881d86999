package vn.ishc.reporting.figures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The counting rules of DESIGN.md turned into day deltas: what one club (with its members), one
 * contribution or one pledge adds to each figure, from which day and until which day.
 */
public final class CountingRules {

    static final int OLDER_AGE = 60;

    private CountingRules() {
    }

    /** A club counts while active: from establishment until (not on) its closing day; so do its active members. */
    public static FigureDeltas club(Facts.Club club, Collection<LocalDate> programmeStarts) {
        FigureDeltas deltas = new FigureDeltas();
        if (club == null) {
            return deltas;
        }
        String area = club.district();
        LocalDate opened = club.establishedOn();
        LocalDate closed = club.closedOn();
        deltas.interval(area, Figure.CLUBS_ACTIVE.key(), opened, closed, 1);
        for (LocalDate start : programmeStarts) {
            if (opened.isBefore(start)) {
                deltas.interval(area, Figure.CLUBS_MAINTAINED.key(start), opened, closed, 1);
            }
        }
        for (Facts.Member m : club.members()) {
            LocalDate from = later(m.joinedOn(), opened);
            LocalDate until = earlier(m.leftOn(), closed);
            deltas.interval(area, Figure.MEMBERS_ACTIVE.key(), from, until, 1);
            LocalDate olderFrom = olderFrom(m.birthDate(), m.birthYear());
            if (olderFrom != null) {
                deltas.interval(area, Figure.MEMBERS_OLDER.key(), later(from, olderFrom), until, 1);
            }
            if ("FEMALE".equals(m.gender())) {
                deltas.interval(area, Figure.MEMBERS_WOMEN.key(), from, until, 1);
            }
            Figure household = switch (String.valueOf(m.householdStatus())) {
                case "POOR" -> Figure.MEMBERS_POOR;
                case "NEAR_POOR" -> Figure.MEMBERS_NEAR_POOR;
                case "HARDSHIP" -> Figure.MEMBERS_HARDSHIP;
                default -> null;
            };
            if (household != null) {
                deltas.interval(area, household.key(), from, until, 1);
            }
        }
        return deltas;
    }

    /** A contribution counts from its receipt until its reversal, for programmes that started on or before its receipt. */
    public static FigureDeltas contribution(Facts.Contribution c, Collection<LocalDate> programmeStarts) {
        FigureDeltas deltas = new FigureDeltas();
        if (c == null) {
            return deltas;
        }
        for (LocalDate start : programmeStarts) {
            if (!c.receivedOn().isBefore(start)) {
                deltas.interval(c.area(), Figure.RECEIVED_VND.key(start), c.receivedOn(), c.reversedOn(), c.amountVnd());
            }
        }
        return deltas;
    }

    /**
     * Outstanding on D: while the pledge stands (made, not cancelled), its amount less what the
     * contributions naming it have brought by D, never below zero. A step function, evaluated at
     * each day one of its inputs changes.
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
        long previous = 0;
        String figure = Figure.PLEDGED_OUTSTANDING_VND.key();
        for (LocalDate day : days) {
            long value = outstandingOn(p, day);
            if (value != previous) {
                deltas.add(new FigureDeltas.Key(p.area(), figure, day), value - previous);
                previous = value;
            }
        }
        return deltas;
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
