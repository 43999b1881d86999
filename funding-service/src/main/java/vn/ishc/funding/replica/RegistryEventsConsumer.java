package vn.ishc.funding.replica;

import vn.ishc.kit.events.IncomingEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ishc.kit.events.RecordHandling;
import vn.ishc.kit.events.UnreadableRecordException;

import java.util.function.BiFunction;

/**
 * Keeps funding's replica of registry's districts and clubs. A record that cannot be read or applied
 * for good goes to the dead-letter topic and never stalls the partition; one that cannot be applied
 * yet (a database blip) is retried in order, so the replica never misses a club closure ({@link RecordHandling}).
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    @Inject
    ObjectMapper json;

    @Inject
    RegistryReplicaWriter replica;

    @Inject
    RecordHandling handling;

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
        handling.handle(record, "ishc_replica", r -> {
            IncomingEvent event = IncomingEvent.read(json, r.value());
            return apply.apply(event, r.topic()) ? "APPLIED" : "IGNORED";
        });
    }
}
