package vn.ishc.reporting.projection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveBatchesTest {

    private final LiveBatches live = new LiveBatches();

    @Test
    void aReplayWaitsForTheLiveBatchInFlightToEnd() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> live.applying(() -> {
            started.countDown();
            await(release);
            finished.set(true);
        }));
        started.await();
        CompletableFuture<Boolean> replay = CompletableFuture.supplyAsync(() -> {
            try {
                live.awaitNone(600_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return finished.get();
        });
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            while (!live.someoneWaits()) {
                Thread.onSpinWait();
            }
        }, "the replay did not wait for the live batch");
        release.countDown();
        assertTrue(replay.get(), "went on before the live batch ended");
        batch.get();
    }

    @Test
    void aBatchThatFailsIsNoLongerCounted() throws Exception {
        try {
            live.applying(() -> {
                throw new IllegalStateException("the database is away");
            });
        } catch (IllegalStateException expected) {
            assertEquals("the database is away", expected.getMessage());
        }
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> live.awaitNone(600_000));
    }

    @Test
    void aReplayGivesWayForAtMostItsLimit() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> stuck = CompletableFuture.runAsync(() -> live.applying(() -> {
            started.countDown();
            await(release);
        }));
        try {
            started.await();
            long waited = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> live.awaitNone(100));
            assertTrue(waited >= 100, "waited " + waited + " ms");
        } finally {
            release.countDown();
            stuck.join();
        }
    }

    @Test
    void liveChangesAreComingInOnceABatchBegan() {
        assertFalse(live.beganWithin(Long.MAX_VALUE), "no batch has begun yet");

        live.applying(() -> { });

        assertTrue(live.beganWithin(Duration.ofHours(1).toNanos()), "a batch has just begun");
        assertFalse(live.beganWithin(0), "no batch began within no time at all");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
