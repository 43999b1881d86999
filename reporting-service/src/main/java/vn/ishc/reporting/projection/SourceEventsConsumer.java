package vn.ishc.reporting.projection;

import vn.ishc.kit.events.IncomingEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ishc.kit.events.RecordHandling;

import java.util.function.Function;

/**
 * Applies registry's and funding's events to reporting's projections, one record at a time in partition order.
 * A record that cannot be read or applied for good goes to the dead-letter topic, so it never stalls
 * its partition; one that cannot be applied yet (database away) is retried in order ({@link RecordHandling}).
 */
@ApplicationScoped
public class SourceEventsConsumer {

    @Inject
    ObjectMapper json;

    @Inject
    ClubProjection clubs;

    @Inject
    AdminUnitProjection adminUnits;

    @Inject
    FundingProjection funding;

    @Inject
    RecordHandling handling;

    @Incoming("club-snapshots")
    @Blocking(ordered = true)
    public void onClubSnapshot(ConsumerRecord<String, String> record) {
        handle(record, clubs::apply);
    }

    @Incoming("admin-units")
    @Blocking(ordered = true)
    public void onAdminUnit(ConsumerRecord<String, String> record) {
        handle(record, adminUnits::apply);
    }

    @Incoming("funding-contributions")
    @Blocking(ordered = true)
    public void onContribution(ConsumerRecord<String, String> record) {
        handle(record, funding::applyContribution);
    }

    @Incoming("funding-pledges")
    @Blocking(ordered = true)
    public void onPledge(ConsumerRecord<String, String> record) {
        handle(record, funding::applyPledge);
    }

    private void handle(ConsumerRecord<String, String> record, Function<IncomingEvent, ProjectionLedger.Outcome> projection) {
        handling.handle(record, "ishc_projection", r -> {
            ProjectionLedger.Outcome outcome = projection.apply(IncomingEvent.read(json, r.value()));
            return outcome == null ? "DUPLICATE" : outcome.name();
        });
    }

}
