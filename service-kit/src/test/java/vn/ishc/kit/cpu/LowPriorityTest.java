package vn.ishc.kit.cpu;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk work on a thread of the lowest priority; this module's tests run with the services' priority options (pom.xml). */
class LowPriorityTest {

    @Test
    void theWorkRunsOnAThreadOfItsOwnAtTheLowestPriorityAndItsAnswerComesBack() {
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        String answer = LowPriority.call("replay", () -> {
            ranOn.set(Thread.currentThread());
            return "đã xong";
        });

        assertEquals("đã xong", answer);
        assertNotSame(caller, ranOn.get());
        assertEquals("replay", ranOn.get().getName());
        assertEquals(Thread.MIN_PRIORITY, ranOn.get().getPriority());
        assertEquals(Thread.NORM_PRIORITY, caller.getPriority(), "the caller's own priority is untouched");
    }

    @Test
    void theKernelSeesTheWorkAtNiceTenAndTheCallerAtItsOwn() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertEquals("1", vm.getVMOption("ThreadPriorityPolicy").getValue(), "run with the services' options (this module's pom)");
        int callerNice = ownNice();

        int workNice = LowPriority.call("replay", LowPriorityTest::ownNice);

        assertEquals(10, workNice);
        assertEquals(callerNice, ownNice());
    }

    @Test
    void whatTheWorkThrowsReachesTheCallerAsItIs() {
        IllegalStateException thrown = new IllegalStateException("bị tiếp quản");

        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> LowPriority.run("replay", () -> {
            throw thrown;
        }));

        assertSame(thrown, caught);
    }

    @Test
    void anInterruptedCallerInterruptsTheWorkAndWaitsForItToEnd() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        AtomicBoolean workEnded = new AtomicBoolean();
        AtomicBoolean callerStillInterrupted = new AtomicBoolean();
        AtomicReference<Throwable> callerGot = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                LowPriority.run("replay", () -> {
                    working.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        pause(200); // still cleaning up: the caller must wait for this
                        workEnded.set(true);
                        throw new IllegalStateException("dừng lại", e);
                    }
                });
            } catch (Throwable t) {
                callerGot.set(t);
            }
            callerStillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertTrue(working.await(10, TimeUnit.SECONDS));

        caller.interrupt();
        caller.join(10_000);

        assertTrue(workEnded.get(), "the caller returned only after the work ended");
        assertEquals("dừng lại", callerGot.get().getMessage());
        assertTrue(callerStillInterrupted.get(), "the caller keeps its interrupt");
    }

    /** The calling thread's nice value, from the kernel's own record of it. */
    private static int ownNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // After the command name in parentheses: state is the 1st field, nice the 17th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
