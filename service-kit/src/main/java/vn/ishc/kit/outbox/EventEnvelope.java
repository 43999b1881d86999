package vn.ishc.kit.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope of every event the platform publishes (DESIGN.md, Events).
 * {@code data} carries the whole current state of the aggregate.
 */
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, String aggregateId, long aggregateVersion,
                            int schemaVersion, Object data) {
}
