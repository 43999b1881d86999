package vn.ishc.funding.replica;

import vn.ishc.kit.events.BatchHandling;
import vn.ishc.kit.events.IncomingEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps funding's replica of registry's units and clubs, a whole poll at a time in one transaction,
 * in partition order, each event with the outcome it would have alone. A record that cannot be read
 * or applied for good goes to the dead-letter topic without stalling the others; a batch that cannot
 * be applied yet (a database blip) is retried in order, so the replica never misses a club closure
 * ({@link BatchHandling}).
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    static final String METRIC_PREFIX = "ishc_replica";

    @Inject
    ObjectMapper json;

    @Inject
    RegistryReplicaWriter replica;

    @Inject
    BatchHandling handling;

    @Incoming("registry-admin-units")
    @Blocking(ordered = true)
    public void onAdminUnits(ConsumerRecords<String, String> records) {
        handling.handle(records, METRIC_PREFIX, r -> {
            IncomingEvent event = IncomingEvent.read(json, r.value());
            return new ReplicaEvent<>(event, r.topic(), event.aggregateId(), AdminUnitSnapshot.read(event));
        }, replica::applyAdminUnits);
    }

    @Incoming("registry-club-snapshots")
    @Blocking(ordered = true)
    public void onClubs(ConsumerRecords<String, String> records) {
        handling.handle(records, METRIC_PREFIX, r -> {
            IncomingEvent event = IncomingEvent.read(json, r.value());
            ClubSnapshot club = ClubSnapshot.read(event);
            return new ReplicaEvent<>(event, r.topic(), club.id(), club);
        }, replica::applyClubs);
    }
}
