package vn.ishc.funding.replica;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.function.BiFunction;

/**
 * Keeps funding's replica of registry's districts and clubs. A record that cannot be read is
 * counted, logged and sent to the dead-letter topic by the connector; it never stalls the partition.
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RegistryEventsConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    RegistryReplicaWriter replica;

    @Inject
    MeterRegistry metrics;

    @Incoming("registry-admin-units")
    @Blocking(ordered = true)
    public void onAdminUnit(ConsumerRecord<String, String> record) {
        handle(record, replica::applyAdminUnit);
    }

    @Incoming("registry-club-snapshots")
    @Blocking(ordered = true)
    public void onClub(ConsumerRecord<String, String> record) {
        handle(record, replica::applyClub);
    }

    private void handle(ConsumerRecord<String, String> record, BiFunction<IncomingEvent, String, Boolean> apply) {
        IncomingEvent event;
        try {
            event = record.value() == null ? null : json.readValue(record.value(), IncomingEvent.class);
            if (event == null || !event.complete()) {
                throw new IllegalArgumentException("not a complete event envelope");
            }
            boolean applied = apply.apply(event, record.topic());
            metrics.counter("ishc_replica_events_total", "topic", record.topic(), "outcome", applied ? "APPLIED" : "IGNORED").increment();
        } catch (Exception e) {
            metrics.counter("ishc_replica_dead_letters_total", "topic", record.topic()).increment();
            LOG.warnf("Unreadable record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
