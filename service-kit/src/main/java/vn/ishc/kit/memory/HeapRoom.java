package vn.ishc.kit.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Room in the heap for bulk work (a rebuild's replay), given back when it ends (decision 0020). The
 * services run with little free heap ({@code -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40}) to
 * stay within their resident-memory goal. A replay promotes a few megabytes of its batches at each
 * young collection, and on so tight a heap the serial collector then made a full collection,
 * stopping every thread for 90–180 ms, every second or two. Both ratios are manageable at run time:
 * while bulk work goes on, the collector keeps a larger share free; when it ends they are put back,
 * and one full collection gives the room back at once. Never fails the work: a JVM that will not
 * change them leaves the heap as it is.
 */
@ApplicationScoped
public class HeapRoom {

    private static final Logger LOG = Logger.getLogger(HeapRoom.class);
    private static final String MIN = "MinHeapFreeRatio";
    private static final String MAX = "MaxHeapFreeRatio";

    /** The share of the heap, in percent, kept free during bulk work; the JVM's own {@code MinHeapFreeRatio} or less gives no room. */
    @ConfigProperty(name = "ishc.heap.bulk-free-percent", defaultValue = "50")
    int bulkFreePercent;

    private final HotSpotDiagnosticMXBean vm;
    // Guarded by this.
    private int holders;
    private Ratios before;
    private boolean refused;

    /** The two ratios, in percent, as the flags' text. */
    private record Ratios(String min, String max) {
    }

    public HeapRoom() {
        this(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
    }

    HeapRoom(HotSpotDiagnosticMXBean vm) {
        this.vm = vm;
    }

    /** Room for as long as a piece of bulk work runs; closing the handle (once is enough) ends it. */
    public Held hold() {
        synchronized (this) {
            holders++;
            if (before == null && !refused && vm != null) {
                before = widen();
            }
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                release();
            }
        };
    }

    /** Whether the room is given now. */
    public synchronized boolean given() {
        return before != null;
    }

    private void release() {
        synchronized (this) {
            holders--;
            if (holders > 0 || before == null) {
                return;
            }
            try {
                set(before);
            } catch (RuntimeException e) {
                LOG.warnf("The heap keeps its room for bulk work: the JVM would not put %s and %s back to %s and %s (%s)",
                        MIN, MAX, before.min(), before.max(), e.getMessage());
            }
            before = null;
        }
        // Outside the lock. The next full collection shrinks the heap to the ratios put back, and with
        // a quiet old generation it may not come for hours: one now. (After a switch the reload of the
        // figures makes another; a reload only follows a read of progress.)
        System.gc();
    }

    /** The ratios as they were, once the room is given; null when none is (not needed, or refused). */
    private Ratios widen() {
        Ratios was;
        Ratios wanted;
        try {
            was = new Ratios(vm.getVMOption(MIN).getValue(), vm.getVMOption(MAX).getValue());
            if (bulkFreePercent <= Integer.parseInt(was.min())) {
                return null;
            }
            wanted = new Ratios(String.valueOf(bulkFreePercent),
                    String.valueOf(Math.max(Integer.parseInt(was.max()), Math.min(100, bulkFreePercent + 20))));
        } catch (RuntimeException e) {
            return refuse(e);
        }
        try {
            set(wanted);
            return was;
        } catch (RuntimeException e) {
            putBackIfChanged(was);
            return refuse(e);
        }
    }

    /** After a refused write: the first of the two may have been made. */
    private void putBackIfChanged(Ratios was) {
        try {
            set(was);
        } catch (RuntimeException again) {
            LOG.warnf("The JVM would not put %s and %s back to %s and %s either (%s)", MIN, MAX, was.min(), was.max(), again.getMessage());
        }
    }

    private Ratios refuse(RuntimeException e) {
        refused = true;
        LOG.warnf("Bulk work runs on the heap as it is: the JVM would not change %s and %s (%s)", MIN, MAX, e.getMessage());
        return null;
    }

    /**
     * Writes the flags whose value differs. The JVM refuses a minimum above the maximum: the order of
     * the two writes keeps min ≤ max in between.
     */
    private void set(Ratios ratios) {
        String minNow = vm.getVMOption(MIN).getValue();
        String maxNow = vm.getVMOption(MAX).getValue();
        boolean maxFirst = Integer.parseInt(ratios.min()) > Integer.parseInt(maxNow);
        if (maxFirst) {
            write(MAX, maxNow, ratios.max());
        }
        write(MIN, minNow, ratios.min());
        if (!maxFirst) {
            write(MAX, maxNow, ratios.max());
        }
    }

    private void write(String flag, String now, String value) {
        if (!now.equals(value)) {
            vm.setVMOption(flag, value);
        }
    }

    /** A piece of bulk work's room, given back (if no other piece needs it) when closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
