package vn.ishc.kit.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;

/**
 * Room in the heap for bulk work (a rebuild's replay), given back when it ends (decision 0020). The
 * services run with little free heap ({@code -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40}) to
 * stay within their resident-memory goal. A replay promotes a few megabytes of its batches at each
 * young collection, and on so tight a heap the serial collector then made a full collection,
 * stopping every thread for 80–180 ms, every second or two. Both ratios are manageable at run time:
 * while bulk work goes on, the collector keeps a larger share free; when it ends, they are put back
 * and one collection gives the room back at once.
 */
@ApplicationScoped
public class HeapRoom {

    private static final Logger LOG = Logger.getLogger(HeapRoom.class);
    private static final String MIN = "MinHeapFreeRatio";
    private static final String MAX = "MaxHeapFreeRatio";

    /** The share of the heap, in percent, kept free during bulk work; the JVM's own {@code MinHeapFreeRatio} or less gives no room. */
    @ConfigProperty(name = "ishc.heap.bulk-free-percent", defaultValue = "50")
    int bulkFreePercent;

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    // Guarded by this.
    private int holders;
    private String minBefore;
    private String maxBefore;
    private boolean refused;

    /** Room for as long as a piece of bulk work runs; closing the handle ends it. */
    public Held hold() {
        synchronized (this) {
            holders++;
            widen();
        }
        return this::release;
    }

    /** Whether the room is given now. */
    public synchronized boolean given() {
        return minBefore != null;
    }

    private void release() {
        synchronized (this) {
            holders--;
            if (minBefore == null || holders > 0) {
                return;
            }
            set(minBefore, maxBefore);
            minBefore = null;
            maxBefore = null;
        }
        // Outside the lock: a full collection, so that the heap shrinks to the ratios now rather than at the next one.
        System.gc();
    }

    private void widen() {
        if (minBefore != null || refused || vm == null) {
            return;
        }
        String min = vm.getVMOption(MIN).getValue();
        String max = vm.getVMOption(MAX).getValue();
        if (bulkFreePercent <= Integer.parseInt(min)) {
            return;
        }
        try {
            set(String.valueOf(bulkFreePercent), String.valueOf(Math.max(Integer.parseInt(max), Math.min(100, bulkFreePercent + 20))));
            minBefore = min;
            maxBefore = max;
        } catch (RuntimeException e) {
            refused = true;
            LOG.warnf("Bulk work runs on the heap as it is: the JVM would not change %s (%s)", MIN, e.getMessage());
            set(min, max);
        }
    }

    /** The JVM refuses a minimum above the maximum: the order of the two writes keeps min ≤ max in between. */
    private void set(String min, String max) {
        if (Integer.parseInt(min) > Integer.parseInt(vm.getVMOption(MAX).getValue())) {
            vm.setVMOption(MAX, max);
            vm.setVMOption(MIN, min);
        } else {
            vm.setVMOption(MIN, min);
            vm.setVMOption(MAX, max);
        }
    }

    /** A piece of bulk work's room, given back (if nothing else needs it) when closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
