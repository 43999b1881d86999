package vn.ishc.kit.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room bulk work gets in the heap, on this test JVM's own collector settings. */
class HeapRoomTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private final int min = ratio("MinHeapFreeRatio");
    private final int max = ratio("MaxHeapFreeRatio");
    private final HeapRoom room = room(Math.min(min + 15, 80));

    @AfterEach
    void theJvmsRatiosAreBack() {
        assertEquals(min, ratio("MinHeapFreeRatio"));
        assertEquals(max, ratio("MaxHeapFreeRatio"));
    }

    @Test
    void aReplayKeepsMoreOfTheHeapFreeUntilItEnds() {
        int wanted = Math.min(min + 15, 80);

        try (HeapRoom.Held replay = room.hold()) {
            assertTrue(room.given());
            assertEquals(wanted, ratio("MinHeapFreeRatio"));
            assertEquals(Math.max(max, Math.min(100, wanted + 20)), ratio("MaxHeapFreeRatio"));
        }

        assertFalse(room.given());
    }

    @Test
    void theRoomStaysWhileAnotherPieceOfBulkWorkStillRuns() {
        HeapRoom.Held first = room.hold();
        try (HeapRoom.Held second = room.hold()) {
            first.close();
            assertTrue(room.given(), "given back while the second replay ran");
        }
        assertFalse(room.given());
    }

    @Test
    void aShareTheJvmKeepsFreeAlreadyGivesNoRoom() {
        HeapRoom asItIs = room(min);

        try (HeapRoom.Held replay = asItIs.hold()) {
            assertFalse(asItIs.given());
            assertEquals(min, ratio("MinHeapFreeRatio"));
        }
    }

    private static HeapRoom room(int freePercent) {
        HeapRoom room = new HeapRoom();
        room.bulkFreePercent = freePercent;
        return room;
    }

    private int ratio(String name) {
        return Integer.parseInt(vm.getVMOption(name).getValue());
    }
}
