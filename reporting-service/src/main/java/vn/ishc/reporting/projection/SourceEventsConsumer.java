package vn.ishc.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * Applies registry's and funding's events to reporting's projections, one record at a time in partition order.
 * A record that cannot be read fails here and the connector moves it to the dead-letter topic,
 * so it never stalls its partition; a readable one that cannot be applied yet is retried.
 */
@ApplicationScoped
public class SourceEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SourceEventsConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    ClubProjection clubs;

    @Inject
    AdminUnitProjection adminUnits;

    @Inject
    FundingProjection funding;

    @Inject
    MeterRegistry metrics;

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
        ProjectionLedger.Outcome outcome;
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            try {
                outcome = projection.apply(parse(record));
                break;
            } catch (UnreadableEventException e) {
                metrics.counter("ishc_projection_dead_letters_total", "topic", record.topic()).increment();
                LOG.warnf("Unreadable record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                // The event is fine but it could not be applied now (database away, lock timeout): try
                // again, keeping the partition's order, rather than lose it to the dead-letter topic.
                metrics.counter("ishc_projection_retries_total", "topic", record.topic()).increment();
                LOG.warnf("Cannot apply %s-%d@%d yet, retrying in %d ms: %s", record.topic(), record.partition(), record.offset(), backoff,
                        e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
        count(record, outcome);
    }

    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // Shutting down: keep the record un-acknowledged (a failure would send it to the dead-letter
            // topic); its offset is not committed, so it is delivered again after the restart.
        }
    }

    private IncomingEvent parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new UnreadableEventException("empty record");
        }
        try {
            return json.readValue(record.value(), IncomingEvent.class);
        } catch (Exception e) {
            throw new UnreadableEventException("not an event envelope", e);
        }
    }

    private void count(ConsumerRecord<String, String> record, ProjectionLedger.Outcome outcome) {
        String result = outcome == null ? "DUPLICATE" : outcome.name();
        metrics.counter("ishc_projection_events_total", "topic", record.topic(), "outcome", result).increment();
    }
}
