package vn.ishc.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * For changes made through the API that progress documents show (targets, approved plans):
 * cached documents become stale on every replica, and live listeners hear of it once committed.
 */
@ApplicationScoped
public class ProgressDocuments {

    @Inject
    FigureStore store;

    @Inject
    Event<FiguresChanged> landed;

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed() {
        store.documentsChanged();
        landed.fire(new FiguresChanged(FiguresChanged.PROGRAMME));
    }
}
