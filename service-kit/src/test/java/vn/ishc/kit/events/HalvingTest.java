package vn.ishc.kit.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch with events that cannot be applied: the others are applied in their order, in few attempts. */
class HalvingTest {

    private final List<Integer> applied = new ArrayList<>();
    private final List<Integer> skipped = new ArrayList<>();
    private int attempts;

    private long apply(int n, Set<Integer> bad) {
        List<Integer> events = IntStream.range(0, n).boxed().toList();
        return Halving.apply(events, part -> {
            attempts++;
            if (part.stream().anyMatch(bad::contains)) {
                return false; // the part's transaction rolled back: nothing of it applied
            }
            applied.addAll(part);
            return true;
        }, skipped::add);
    }

    @Test
    void aWholeBatchIsOneAttempt() {
        assertEquals(500, apply(500, Set.of()));
        assertEquals(1, attempts);
        assertEquals(IntStream.range(0, 500).boxed().toList(), applied);
    }

    @Test
    void theEventsThatFailAloneAreSkippedAndTheOthersAppliedInOrder() {
        assertEquals(497, apply(500, Set.of(0, 217, 499)));
        assertEquals(List.of(0, 217, 499), skipped);
        assertEquals(IntStream.range(0, 500).filter(i -> i != 0 && i != 217 && i != 499).boxed().toList(), applied);
        // One at a time would take 501 attempts; each bad event costs two attempts per level of halving (9 levels for 500).
        assertTrue(attempts <= 1 + 3 * 2 * 9, attempts + " attempts");
    }

    @Test
    void aBatchOfOnlyBadEventsSkipsThemAll() {
        assertEquals(0, apply(5, Set.of(0, 1, 2, 3, 4)));
        assertEquals(List.of(0, 1, 2, 3, 4), skipped);
        assertEquals(List.of(), applied);
    }
}
