package vn.ishc.reporting.progress;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One computation per key and version at a time: a caller that asks while another computes the same
 * key at the same version waits for that result instead of computing it again. When figures move,
 * every dashboard and live stream asks for the same document at once; without this each of them
 * computed it, on the same two cores.
 */
final class SingleFlight<K, V> {

    private record Flight<V>(String version, CompletableFuture<V> result) {
    }

    private final Map<K, Flight<V>> running = new ConcurrentHashMap<>();

    /**
     * The value of {@code compute} for the key at {@code version}, computed here or by the caller
     * already computing it at that version. A computation at another version is not shared: it
     * may have read the data before the version moved.
     */
    V get(K key, String version, Supplier<V> compute) {
        Flight<V> mine = new Flight<>(version, new CompletableFuture<>());
        Flight<V> flight = running.compute(key, (k, other) -> other != null && other.version().equals(version) ? other : mine);
        if (flight != mine) {
            return await(flight.result());
        }
        try {
            V value = compute.get();
            mine.result().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** How many computations are under way (for tests). */
    int running() {
        return running.size();
    }

    private static <V> V await(CompletableFuture<V> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            // The computing caller's refusal (an unknown programme, a date out of range) is this caller's too.
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
