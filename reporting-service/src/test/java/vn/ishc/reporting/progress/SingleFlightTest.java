package vn.ishc.reporting.progress;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readers of the same document at the same stamp share one computation; other stamps and keys do not. */
class SingleFlightTest {

    private final SingleFlight<String, String> flights = new SingleFlight<>();
    private final AtomicInteger computed = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    /** A caller on a thread of its own, so that the test can see it parked on another's computation. */
    private record Caller(Thread thread, CompletableFuture<String> result) {
        String value() throws Exception {
            return result.get(30, TimeUnit.SECONDS);
        }

        /** Parked without a time limit: waiting for another caller's result (a computing caller waits with one). */
        boolean waitingForAnother() {
            return thread.getState() == Thread.State.WAITING;
        }
    }

    private Caller ask(String key, String version, Supplier<String> compute) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(flights.get(key, version, compute));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        thread.start();
        return new Caller(thread, result);
    }

    /** Computes "key@version#n" once released. */
    private Caller ask(String key, String version) {
        return ask(key, version, () -> {
            int n = computed.incrementAndGet();
            awaitRelease();
            return key + "@" + version + "#" + n;
        });
    }

    private void awaitRelease() {
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).until(condition);
    }

    @Test
    void callersAtTheSameVersionWaitForTheOneComputation() throws Exception {
        Caller first = ask("TN", "1/7");
        waitUntil(() -> computed.get() == 1);
        Caller second = ask("TN", "1/7");
        Caller third = ask("TN", "1/7");
        waitUntil(() -> second.waitingForAnother() && third.waitingForAnother());
        release.countDown();
        assertEquals("TN@1/7#1", first.value());
        assertEquals("TN@1/7#1", second.value());
        assertEquals("TN@1/7#1", third.value());
        assertEquals(1, computed.get());
        assertEquals(0, flights.running());
    }

    @Test
    void anotherVersionOrKeyComputesItsOwn() throws Exception {
        Caller older = ask("TN", "1/7");
        waitUntil(() -> computed.get() == 1);
        Caller newer = ask("TN", "1/8");
        Caller otherProgramme = ask("BK", "1/7");
        // Neither waits for the first: both compute, while the first is still computing.
        waitUntil(() -> computed.get() == 3);
        release.countDown();
        assertEquals("TN@1/7#1", older.value());
        assertTrue(newer.value().startsWith("TN@1/8#"), newer.value());
        assertTrue(otherProgramme.value().startsWith("BK@1/7#"), otherProgramme.value());
        assertEquals(0, flights.running());
        // Once done, the same version is computed again: keeping results is the cache's job, not this one's.
        assertEquals("again", flights.get("TN", "1/7", () -> "again"));
    }

    @Test
    void aRefusalReachesEveryWaitingCallerAndTheNextCallComputesAgain() throws Exception {
        IllegalArgumentException refusal = new IllegalArgumentException("no such programme");
        Caller first = ask("XX", "1/7", () -> {
            computed.incrementAndGet();
            awaitRelease();
            throw refusal;
        });
        waitUntil(() -> computed.get() == 1);
        Caller second = ask("XX", "1/7", () -> "computed twice");
        waitUntil(second::waitingForAnother);
        release.countDown();
        assertSame(refusal, assertThrows(ExecutionException.class, first::value).getCause());
        assertSame(refusal, assertThrows(ExecutionException.class, second::value).getCause());
        assertEquals("fresh", flights.get("XX", "1/7", () -> "fresh"));
        assertEquals(0, flights.running());
    }
}
