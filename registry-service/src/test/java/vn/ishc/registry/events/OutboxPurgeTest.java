package vn.ishc.registry.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ishc.kit.outbox.OutboxEvent;
import vn.ishc.kit.outbox.OutboxRelay;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Published outbox rows carry birth dates: they are deleted after the retention period, never before, never unpublished. */
@QuarkusTest
class OutboxPurgeTest {

    @Inject
    OutboxRelay relay;

    @Test
    void onlyRowsPublishedLongerAgoThanTheRetentionAreDeleted() {
        UUID old = row(Instant.now().minus(Duration.ofDays(40)));
        UUID recent = row(Instant.now().minus(Duration.ofDays(2)));
        relay.purgePublished();
        assertEquals(0, count(old), "published 40 days ago: deleted");
        assertEquals(1, count(recent), "published 2 days ago: kept");
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("eventId", recent));
    }

    private static UUID row(Instant publishedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent row = new OutboxEvent();
            row.eventId = id;
            row.topic = "registry.purge-test";
            row.recordKey = id.toString();
            row.payload = "{}";
            row.createdAt = publishedAt;
            row.publishedAt = publishedAt;
            row.persist();
        });
        return id;
    }

    private static long count(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventId", eventId));
    }
}
