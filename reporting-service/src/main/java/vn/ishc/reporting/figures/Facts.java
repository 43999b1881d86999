package vn.ishc.reporting.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The facts of projected records that the counting rules need, whatever they were read from. */
public final class Facts {

    private Facts() {
    }

    /**
     * Where something counts from {@code from} (inclusive; null = from the start) until {@code until}
     * (exclusive; null = still): a district, a commune, or the province code for province level.
     */
    public record Place(LocalDate from, LocalDate until, String area) {
    }

    /** A club with the areas it sits in over time (registry's placements), in order. */
    public record Club(List<Place> places, LocalDate establishedOn, LocalDate closedOn, List<Member> members) {

        /** A club that sat in one area all its life (the shared vectors, events from before placements). */
        public Club(String area, LocalDate establishedOn, LocalDate closedOn, List<Member> members) {
            this(List.of(new Place(null, null, area)), establishedOn, closedOn, members);
        }
    }

    public record Member(String gender, LocalDate birthDate, Integer birthYear, String householdStatus, LocalDate joinedOn,
                         LocalDate leftOn) {
    }

    /**
     * area: the district or commune it was recorded to, or the province code for a province-level
     * contribution; areaUntil: the day that area stops being in force (null = it still is), from
     * which the contribution counts at province level.
     */
    public record Contribution(UUID id, String area, LocalDate areaUntil, long amountVnd, LocalDate receivedOn, LocalDate reversedOn,
                               UUID pledgeId) {

        /** A contribution whose area stays in force. */
        public Contribution(UUID id, String area, long amountVnd, LocalDate receivedOn, LocalDate reversedOn, UUID pledgeId) {
            this(id, area, null, amountVnd, receivedOn, reversedOn, pledgeId);
        }

        List<Place> places() {
            return Facts.places(area, areaUntil);
        }
    }

    /** A pledge with the contributions that name it; area and areaUntil as for a contribution. */
    public record Pledge(String area, LocalDate areaUntil, long amountVnd, LocalDate pledgedOn, LocalDate cancelledOn,
                         List<Contribution> fulfilments) {

        /** A pledge whose area stays in force. */
        public Pledge(String area, long amountVnd, LocalDate pledgedOn, LocalDate cancelledOn, List<Contribution> fulfilments) {
            this(area, null, amountVnd, pledgedOn, cancelledOn, fulfilments);
        }

        List<Place> places() {
            return Facts.places(area, areaUntil);
        }
    }

    /** The area until it ends, the province level from then on. */
    static List<Place> places(String area, LocalDate areaUntil) {
        if (areaUntil == null || area.equals(ReadyFigures.PROVINCE_LEVEL)) {
            return List.of(new Place(null, null, area));
        }
        return List.of(new Place(null, areaUntil, area), new Place(areaUntil, null, ReadyFigures.PROVINCE_LEVEL));
    }
}
