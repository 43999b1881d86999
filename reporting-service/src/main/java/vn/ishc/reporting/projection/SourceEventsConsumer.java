package vn.ishc.reporting.projection;

import vn.ishc.kit.events.BatchHandling;
import vn.ishc.reporting.config.Topics;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies registry's and funding's events to reporting's projections, a whole poll at a time in one
 * transaction, in partition order, each event with the outcome it would have alone (decision 0014).
 * A record that cannot be read or applied for good goes to the dead-letter topic without stalling
 * the others; a batch that cannot be applied yet (database away) is retried in order ({@link BatchHandling}).
 */
@ApplicationScoped
public class SourceEventsConsumer {

    static final String METRIC_PREFIX = "ishc_projection";

    @Inject
    TopicProjections projections;

    @Inject
    BatchHandling handling;

    @Inject
    LiveBatches live;

    @Incoming("club-snapshots")
    @Blocking(ordered = true)
    public void onClubSnapshots(ConsumerRecords<String, String> records) {
        handle(records, projections.of(Topics.CLUB_SNAPSHOTS));
    }

    @Incoming("admin-units")
    @Blocking(ordered = true)
    public void onAdminUnits(ConsumerRecords<String, String> records) {
        handle(records, projections.of(Topics.ADMIN_UNITS));
    }

    @Incoming("funding-contributions")
    @Blocking(ordered = true)
    public void onContributions(ConsumerRecords<String, String> records) {
        handle(records, projections.of(Topics.CONTRIBUTIONS));
    }

    @Incoming("funding-pledges")
    @Blocking(ordered = true)
    public void onPledges(ConsumerRecords<String, String> records) {
        handle(records, projections.of(Topics.PLEDGES));
    }

    private <T> void handle(ConsumerRecords<String, String> records, TopicProjections.Projection<T> projection) {
        live.applying(() -> handling.handle(records, METRIC_PREFIX, projection.reader(), projection.applier()));
    }
}
