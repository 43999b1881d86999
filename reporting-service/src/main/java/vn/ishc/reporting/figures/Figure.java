package vn.ishc.reporting.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A figure kept ready as changes arrive, as a series of day deltas per area. Figures that depend
 * on the programme start S (a club established before S is "maintained"; a contribution counts
 * only from S) are kept once per distinct start date, under a key that names it.
 */
public enum Figure {
    CLUBS_ACTIVE(false),
    /** Active clubs established before S. */
    CLUBS_MAINTAINED(true),
    MEMBERS_ACTIVE(false),
    MEMBERS_OLDER(false),
    MEMBERS_WOMEN(false),
    MEMBERS_POOR(false),
    MEMBERS_NEAR_POOR(false),
    MEMBERS_HARDSHIP(false),
    /** VND received from S on and not reversed. */
    RECEIVED_VND(true),
    PLEDGED_OUTSTANDING_VND(false);

    private final boolean perProgrammeStart;

    Figure(boolean perProgrammeStart) {
        this.perProgrammeStart = perProgrammeStart;
    }

    public boolean perProgrammeStart() {
        return perProgrammeStart;
    }

    /** The stored key of this figure; {@code since} is the programme start for figures that need one. */
    public String key(LocalDate since) {
        return perProgrammeStart ? name() + ":" + since : name();
    }

    /** The stored keys of every figure kept per programme start, for each of {@code starts}. */
    public static List<String> keysPerStart(Collection<LocalDate> starts) {
        List<String> keys = new ArrayList<>();
        for (Figure figure : values()) {
            if (figure.perProgrammeStart) {
                starts.forEach(start -> keys.add(figure.key(start)));
            }
        }
        return keys;
    }

    public String key() {
        if (perProgrammeStart) {
            throw new IllegalStateException(name() + " is kept per programme start");
        }
        return name();
    }
}
