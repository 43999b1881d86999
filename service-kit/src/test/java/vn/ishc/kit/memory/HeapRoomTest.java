package vn.ishc.kit.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room bulk work gets in the heap: on this test JVM, set to the services' ratios (20/40) for each test. */
class HeapRoomTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private final String minBefore = vm.getVMOption("MinHeapFreeRatio").getValue();
    private final String maxBefore = vm.getVMOption("MaxHeapFreeRatio").getValue();

    @BeforeEach
    void theServicesRatios() {
        vm.setVMOption("MinHeapFreeRatio", "20");
        vm.setVMOption("MaxHeapFreeRatio", "40");
    }

    @AfterEach
    void theTestJvmsOwnRatiosAgain() {
        vm.setVMOption("MinHeapFreeRatio", "0");
        vm.setVMOption("MaxHeapFreeRatio", maxBefore);
        vm.setVMOption("MinHeapFreeRatio", minBefore);
    }

    @Test
    void aReplayKeepsHalfTheHeapFreeUntilItEndsThenTheRatiosAreBack() {
        HeapRoom room = room(50);

        try (HeapRoom.Held replay = room.hold()) {
            assertTrue(room.given());
            assertEquals(50, ratio("MinHeapFreeRatio"));
            assertEquals(70, ratio("MaxHeapFreeRatio"));
        }

        assertFalse(room.given());
        assertEquals(20, ratio("MinHeapFreeRatio"));
        assertEquals(40, ratio("MaxHeapFreeRatio"));
    }

    @Test
    void theRoomStaysWhileAnotherPieceOfBulkWorkStillRunsAndASecondCloseChangesNothing() {
        HeapRoom room = room(50);
        HeapRoom.Held first = room.hold();
        try (HeapRoom.Held second = room.hold()) {
            first.close();
            first.close();
            assertTrue(room.given(), "given back while the second replay ran");
            assertEquals(50, ratio("MinHeapFreeRatio"));
        }
        assertFalse(room.given());
        assertEquals(20, ratio("MinHeapFreeRatio"));
    }

    @Test
    void aShareTheJvmKeepsFreeAlreadyGivesNoRoom() {
        HeapRoom asItIs = room(20);

        try (HeapRoom.Held replay = asItIs.hold()) {
            assertFalse(asItIs.given());
            assertEquals(20, ratio("MinHeapFreeRatio"));
            assertEquals(40, ratio("MaxHeapFreeRatio"));
        }
    }

    @Test
    void aJvmThatWillNotChangeTheRatiosLeavesTheWorkRunningOnTheHeapAsItIs() {
        Jvm refusing = new Jvm("MinHeapFreeRatio", "MaxHeapFreeRatio");
        HeapRoom room = room(refusing);

        try (HeapRoom.Held replay = room.hold()) {
            assertFalse(room.given());
        }
        int asked = refusing.refusals;
        try (HeapRoom.Held next = room.hold()) {
            assertFalse(room.given());
        }
        assertEquals(asked, refusing.refusals, "asked again after the JVM said no");
        assertEquals("20", refusing.value("MinHeapFreeRatio"));
        assertEquals("40", refusing.value("MaxHeapFreeRatio"));
    }

    @Test
    void aMaximumWrittenBeforeTheMinimumWasRefusedIsPutBack() {
        Jvm halfWay = new Jvm("MinHeapFreeRatio");
        HeapRoom room = room(halfWay);

        try (HeapRoom.Held replay = room.hold()) {
            assertFalse(room.given());
        }
        assertEquals("20", halfWay.value("MinHeapFreeRatio"));
        assertEquals("40", halfWay.value("MaxHeapFreeRatio"));
    }

    /** On a fake JVM, for half the heap. */
    private static HeapRoom room(Jvm jvm) {
        HeapRoom room = new HeapRoom(jvm);
        room.bulkFreePercent = 50;
        return room;
    }

    private static HeapRoom room(int freePercent) {
        HeapRoom room = new HeapRoom();
        room.bulkFreePercent = freePercent;
        return room;
    }

    private int ratio(String name) {
        return Integer.parseInt(vm.getVMOption(name).getValue());
    }

    /** A JVM at the services' ratios (20/40) that refuses writes to the flags named, and keeps the others. */
    private static final class Jvm implements HotSpotDiagnosticMXBean {
        private final Map<String, String> values = new HashMap<>(Map.of("MinHeapFreeRatio", "20", "MaxHeapFreeRatio", "40"));
        private final Set<String> refused;
        int refusals;

        Jvm(String... refused) {
            this.refused = Set.of(refused);
        }

        String value(String name) {
            return values.get(name);
        }

        @Override
        public VMOption getVMOption(String name) {
            return new VMOption(name, values.get(name), true, VMOption.Origin.VM_CREATION);
        }

        @Override
        public void setVMOption(String name, String value) {
            if (refused.contains(name)) {
                refusals++;
                throw new IllegalArgumentException(name + " is not writeable");
            }
            values.put(name, value);
        }

        @Override
        public void dumpHeap(String outputFile, boolean live) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VMOption> getDiagnosticOptions() {
            return List.of();
        }

        @Override
        public ObjectName getObjectName() {
            return null;
        }
    }
}
