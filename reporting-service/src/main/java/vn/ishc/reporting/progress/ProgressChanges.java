package vn.ishc.reporting.progress;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Tells live listeners that figures changed: a projection fires {@link Landed} in the transaction
 * that applied an event, and listeners hear of it only once that transaction has committed.
 */
@ApplicationScoped
public class ProgressChanges {

    /** An event from a source was applied to reporting's projections. */
    public record Landed(String source) {
    }

    private final BroadcastProcessor<Landed> changes = BroadcastProcessor.create();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Landed landed) {
        changes.onNext(landed);
    }

    public Multi<Landed> stream() {
        return changes;
    }
}
