package vn.ishc.reporting.progress;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ishc.kit.problem.ProblemException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open live streams, so that no caller (a dashboard left open in many tabs, a partner's
 * runaway loop) and no crowd can hold the service's threads and connections: a few streams per
 * caller, a bound in total; beyond that a 429 until one closes.
 */
@ApplicationScoped
public class LiveStreams {

    @ConfigProperty(name = "ishc.stream.max-per-caller", defaultValue = "5")
    int maxPerCaller;

    @ConfigProperty(name = "ishc.stream.max-total", defaultValue = "200")
    int maxTotal;

    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    /** Takes a place for the caller's new stream, or answers 429; give it back with {@link #close}. */
    public void open(String caller) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            throw new ProblemException(429, "too-many-streams", "stream.tooManyInTotal", maxTotal);
        }
        AtomicInteger mine = perCaller.computeIfAbsent(caller, c -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerCaller) {
            mine.decrementAndGet();
            total.decrementAndGet();
            throw new ProblemException(429, "too-many-streams", "stream.tooManyForCaller", maxPerCaller);
        }
    }

    public void close(String caller) {
        total.decrementAndGet();
        perCaller.computeIfPresent(caller, (c, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    public int open() {
        return total.get();
    }
}
