package vn.ishc.reporting.progress;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells live listeners that progress moved. A transaction that changes what progress shows fires
 * {@link vn.ishc.reporting.figures.FiguresChanged}; once it has committed, {@link ProgressCache} reads the new stamp and announces it
 * here — as it does for changes committed by other replicas, which it notices by polling.
 */
@ApplicationScoped
public class ProgressChanges {

    private final BroadcastProcessor<String> moved = BroadcastProcessor.create();

    void announce(String stamp) {
        moved.onNext(stamp);
    }

    /** The stamps progress moved to; a document computed after hearing one shows that change or a later one. */
    public Multi<String> stream() {
        return moved;
    }
}
