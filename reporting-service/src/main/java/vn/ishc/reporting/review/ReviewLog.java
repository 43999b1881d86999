package vn.ishc.reporting.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.outbox.Outbox;
import vn.ishc.reporting.events.Topics;

/** Records a step of a review twice, in the step's own transaction: in the history, and as an event for partners. */
@ApplicationScoped
public class ReviewLog {

    static final int SCHEMA_VERSION = 1;

    @Inject
    ChangeRecorder history;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ReviewEvent event, String action, Changes changes, long version) {
        String entity = event.subject() == ReviewEvent.Subject.PLAN ? "DISTRICT_PLAN" : "DISTRICT_REPORT";
        history.record(event.id(), entity, event.id(), action, changes, event.actor(), event.at());
        String type = event.subject() == ReviewEvent.Subject.PLAN ? "DistrictPlanStatusChanged" : "DistrictReportStatusChanged";
        outbox.record(Topics.DISTRICT_REPORTS, type, SCHEMA_VERSION, event.key(), version, event);
    }
}
