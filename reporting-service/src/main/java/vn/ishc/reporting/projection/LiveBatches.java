package vn.ishc.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live batches this replica is applying, so that a rebuild's replay can give way to them: on
 * two cores a replay transaction and its database connection take the CPU a live batch needs
 * (docs/benchmarks.md, "Figures summed in memory and copied once; the replay gives way").
 */
@ApplicationScoped
public class LiveBatches {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition none = lock.newCondition();
    private int inFlight;
    /** When the last live batch began here (nanoTime); 0: none yet. */
    private volatile long lastBegan;

    /** Applies one live batch, counted while it runs. */
    public void applying(Runnable batch) {
        lastBegan = System.nanoTime();
        change(1);
        try {
            batch.run();
        } finally {
            change(-1);
        }
    }

    private void change(int by) {
        lock.lock();
        try {
            inFlight += by;
            if (inFlight == 0) {
                none.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no live batch is being applied here, or {@code maxMillis} have passed; the milliseconds waited. */
    public long awaitNone(long maxMillis) throws InterruptedException {
        long began = System.nanoTime();
        long left = TimeUnit.MILLISECONDS.toNanos(maxMillis);
        lock.lock();
        try {
            while (inFlight > 0 && left > 0) {
                left = none.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    /** Whether a live batch began here within the last {@code nanos}: whether live changes are coming in. */
    public boolean beganWithin(long nanos) {
        long began = lastBegan;
        return began != 0 && System.nanoTime() - began < nanos;
    }

    /** Whether a replay is waiting now (for tests). */
    boolean someoneWaits() {
        lock.lock();
        try {
            return lock.hasWaiters(none);
        } finally {
            lock.unlock();
        }
    }
}
