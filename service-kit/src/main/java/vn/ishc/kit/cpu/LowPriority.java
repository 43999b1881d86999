package vn.ishc.kit.cpu;

import java.util.function.Supplier;

/**
 * Runs bulk work (a rebuild's replay) on a thread of the lowest priority and waits for it, so that
 * the service's live work takes a core before it whenever both want one (decision 0021). On Linux,
 * HotSpot gives a thread's priority to the kernel only with {@code -XX:ThreadPriorityPolicy=1}, as
 * a nice value: {@code -XX:JavaPriority1_To_OSPriority=10} makes the lowest priority nice 10, about
 * a tenth of a normal thread's share of a busy core, and all of an idle one. Without those options
 * the priority is a hint the JVM ignores, and the work runs as it would on the caller's thread.
 * A thread of its own, because a process may lower its threads' priority but not raise it again:
 * what must not wait (a rebuild's switch, under the figures' lock) stays on the caller's.
 */
public final class LowPriority {

    private LowPriority() {
    }

    /**
     * The work's answer, or what it threw. Interrupting the caller interrupts the work, and the
     * caller still waits for it to end: what the work uses (a Kafka consumer) is the caller's again
     * only then.
     */
    public static <T> T call(String threadName, Supplier<T> work) {
        Outcome<T> outcome = new Outcome<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.value = work.get();
            } catch (Throwable failure) {
                outcome.failure = failure;
            }
        }, threadName);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (outcome.failure instanceof RuntimeException e) {
            throw e;
        }
        if (outcome.failure instanceof Error e) {
            throw e;
        }
        if (outcome.failure != null) {
            throw new IllegalStateException(outcome.failure); // a checked exception thrown sneakily
        }
        return outcome.value;
    }

    public static void run(String threadName, Runnable work) {
        call(threadName, () -> {
            work.run();
            return null;
        });
    }

    /** Written by the work's thread, read after it ended (join orders both). */
    private static final class Outcome<T> {
        T value;
        Throwable failure;
    }
}
