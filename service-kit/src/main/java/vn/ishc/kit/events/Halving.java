package vn.ishc.kit.events;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies a list of events in parts, keeping their order: the whole list first, and when a part
 * fails for good, each of its halves, down to single events, which the caller gives up on (a live
 * consumer sets them aside on the dead-letter topic, a replay skips them). One event that cannot be
 * applied among n costs about 2·log₂ n more attempts, not n.
 */
public final class Halving {

    private Halving() {
    }

    /**
     * How many events {@code attempt} applied; it answers false when a part failed for good (and
     * left nothing behind). {@code skipped} is told each event that failed alone, right after its own
     * attempt failed (so a caller may keep that attempt's failure as the event's reason).
     */
    public static <T> long apply(List<T> events, Predicate<List<T>> attempt, Consumer<T> skipped) {
        if (events.isEmpty()) {
            return 0;
        }
        if (attempt.test(events)) {
            return events.size();
        }
        if (events.size() == 1) {
            skipped.accept(events.get(0));
            return 0;
        }
        int half = events.size() / 2;
        return apply(events.subList(0, half), attempt, skipped) + apply(events.subList(half, events.size()), attempt, skipped);
    }
}
