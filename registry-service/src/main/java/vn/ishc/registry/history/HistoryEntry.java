package vn.ishc.registry.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One line of a club's history: who changed what, and when. */
public record HistoryEntry(Instant at, String actor, String entity, UUID entityId, String action, JsonNode changes) {
}
