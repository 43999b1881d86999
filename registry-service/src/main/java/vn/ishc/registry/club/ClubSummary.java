package vn.ishc.registry.club;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A club's membership today against the norms of Decision 1336: 50–70 members, 60–70% women,
 * 60–70% older people. Norms are reported on, never enforced.
 */
@Schema(name = "ClubSummary", example = """
        {"asOf": "2026-11-29", "activeMembers": 62, "older": 40, "women": 41, "poor": 9, "nearPoor": 12, "hardship": 5,
         "meetsSizeNorm": true, "meetsCompositionNorm": true, "womenShare": 0.661, "olderShare": 0.645}""")
public record ClubSummary(LocalDate asOf, long activeMembers, Long older, Long women, Long poor, Long nearPoor, Long hardship,
                          boolean meetsSizeNorm, boolean meetsCompositionNorm, Double womenShare, Double olderShare) {

    static final int MIN_SIZE = 50;
    static final int MAX_SIZE = 70;
    /** Counts of 1 to 4 people are not shown to those who may not see the members: in a small club they point at persons. */
    static final int SMALLEST_SHOWN = 5;

    /** The summary for a caller without access to the club's personal data: small cells (and the shares built on them) left out. */
    ClubSummary withSmallCellsSuppressed() {
        Long shownWomen = shown(women);
        Long shownOlder = shown(older);
        return new ClubSummary(asOf, activeMembers, shownOlder, shownWomen, shown(poor), shown(nearPoor), shown(hardship),
                meetsSizeNorm, meetsCompositionNorm, shownWomen == null ? null : womenShare, shownOlder == null ? null : olderShare);
    }

    private static Long shown(Long count) {
        return count == null || count > 0 && count < SMALLEST_SHOWN ? null : count;
    }

    public static ClubSummary of(LocalDate asOf, long active, long older, long women, long poor, long nearPoor, long hardship) {
        Double womenShare = active == 0 ? null : (double) women / active;
        Double olderShare = active == 0 ? null : (double) older / active;
        boolean composition = active > 0 && within(women, active) && within(older, active);
        return new ClubSummary(asOf, active, older, women, poor, nearPoor, hardship,
                active >= MIN_SIZE && active <= MAX_SIZE, composition, womenShare, olderShare);
    }

    /** 60% to 70% of the active members, compared in whole numbers to avoid rounding at the edges. */
    private static boolean within(long part, long whole) {
        return part * 10 >= whole * 6 && part * 10 <= whole * 7;
    }
}
